#!/usr/bin/python3
"""XGBoost and scikit-learn on the rows Loupe trained its gradient-boosted trees on.

Called by `npm run bench -- gbdt` (bench/workloads/gbdt.mjs) with Debian's /usr/bin/python3
(python3-xgboost 1.7.4, python3-sklearn 1.2.1) on the encoded-rows CSV Loupe exported for the run
(row_index,split,y,<matrix columns>; "(category code)" columns are categorical). Both libraries
train on the same train split and are scored on the same test split Loupe used, with the same
settings: XGBoost's hist defaults (eta 0.3, max_depth 6, lambda 1, min_child_weight 1, 255 bins)
and scikit-learn's HistGradientBoostingClassifier defaults with early stopping off, 100 rounds.
Prints one JSON object. Fit times exclude reading the CSV and building the DMatrix.
"""
import json
import os
import sys
import time

threads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 100
# Before numpy and scikit-learn load their thread pools.
os.environ["OMP_NUM_THREADS"] = str(threads)

import numpy as np  # noqa: E402
import xgboost as xgb  # noqa: E402
from sklearn.ensemble import HistGradientBoostingClassifier  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    header = f.readline().rstrip("\n").split(",")
features = header[3:]
categorical = [name.endswith(" (category code)") for name in features]
split = np.loadtxt(path, delimiter=",", skiprows=1, usecols=[1], dtype=str)
cols = list(range(2, len(header)))
try:
    values = np.loadtxt(path, delimiter=",", skiprows=1, usecols=cols, dtype=np.float32)
except ValueError:
    # Empty fields are missing values: genfromtxt reads them as NaN (slower, so only when needed).
    values = np.genfromtxt(path, delimiter=",", skip_header=1, usecols=cols, dtype=np.float32, filling_values=np.nan)
y, x = values[:, 0], values[:, 1:]
train, test = split == "train", split == "test"

params = {"tree_method": "hist", "max_bin": 255, "eta": 0.3, "max_depth": 6, "lambda": 1, "min_child_weight": 1, "objective": "binary:logistic", "nthread": threads, "seed": 0}
types = ["c" if c else "q" for c in categorical]
dtrain = xgb.DMatrix(x[train], label=y[train], feature_types=types, enable_categorical=any(categorical), nthread=threads)
dtest = xgb.DMatrix(x[test], feature_types=types, enable_categorical=any(categorical), nthread=threads)
t0 = time.perf_counter()
booster = xgb.train(params, dtrain, num_boost_round=rounds)
xgb_fit = time.perf_counter() - t0
xgb_auc = roc_auc_score(y[test], booster.predict(dtest))

hgb = HistGradientBoostingClassifier(max_iter=rounds, early_stopping=False, categorical_features=np.array(categorical) if any(categorical) else None, random_state=0)
t0 = time.perf_counter()
hgb.fit(x[train], y[train])
hgb_fit = time.perf_counter() - t0
hgb_auc = roc_auc_score(y[test], hgb.predict_proba(x[test])[:, 1])

print(json.dumps({
    "threads": threads,
    "trainRows": int(train.sum()),
    "testRows": int(test.sum()),
    "xgboost": {"version": xgb.__version__, "fitSeconds": xgb_fit, "testAuc": xgb_auc},
    "sklearn": {"fitSeconds": hgb_fit, "testAuc": hgb_auc},
}))
