"""Calibration check for Loupe's demo data (src/demo). Run with Debian's scikit-learn 1.2.1:

    node scripts/demo-check/write-csvs.mjs /tmp/loupe-demo && /usr/bin/python3 scripts/demo-check/check.py /tmp/loupe-demo

Customers: exact duplicates dropped, stratified 70/15/15 split (validation part unused but held out),
LogisticRegression and MLPClassifier(64, 32) on median-imputed standardized numerics + one-hot
categoricals, with and without TF-IDF of the review; test ROC AUC for split seed 0 and the mean over
five split seeds (the test part has only ~110 positives, so one split is noisy).
Ratings: random 80/20 split; RMSE of global mean, item-mean popularity, biased baseline, biased MF (SGD).
"""
import csv
import sys
from datetime import date

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier

folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/loupe-demo"


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def customers():
    header, rows = read_csv(f"{folder}/demo-customers.csv")
    col = {name: i for i, name in enumerate(header)}
    n_rows = len(rows)
    seen, unique = set(), []
    for r in rows:
        key = tuple(r)
        if key not in seen:
            seen.add(key)
            unique.append(r)
    y = np.array([int(r[col["churned"]]) for r in unique])
    print(f"customers: {n_rows} rows, {n_rows - len(unique)} exact duplicates "
          f"({100 * (n_rows - len(unique)) / n_rows:.2f}%), positive rate {y.mean():.4f}")
    missing = {c: sum(r[col[c]] == "" for r in unique) / len(unique) for c in header}
    print("  missing share:", {c: round(v, 3) for c, v in missing.items() if v > 0})

    ref = date(2024, 7, 1)
    def num(r, c):
        return float(r[col[c]]) if r[col[c]] != "" else np.nan
    numeric = np.array([[num(r, "age"), num(r, "days_since_last_visit"), num(r, "sessions"), num(r, "spend"),
                         (ref - date.fromisoformat(r[col["signup_date"]])).days] for r in unique])
    cats = [[r[col["country"]] or "(missing)", r[col["device"]] or "(missing)"] for r in unique]
    text = [r[col["review"]] for r in unique]
    return numeric, cats, text, y


def design(numeric, cats, text, tr, va, te, with_text):
    med = np.nanmedian(numeric[tr], axis=0)
    x = np.where(np.isnan(numeric), med, numeric)
    mu, sd = x[tr].mean(axis=0), x[tr].std(axis=0)
    x = (x - mu) / sd
    levels = [sorted({c[j] for c in (cats[i] for i in tr)}) for j in range(len(cats[0]))]
    onehot = np.array([[1.0 if c[j] == v else 0.0 for j, lv in enumerate(levels) for v in lv] for c in cats])
    parts = [sparse.csr_matrix(np.hstack([x, onehot]))]
    if with_text:
        tfidf = TfidfVectorizer(min_df=3).fit([text[i] for i in tr])
        parts.append(tfidf.transform(text))
    m = sparse.hstack(parts).tocsr()
    return m[tr], m[va], m[te]


def churn_aucs(split_seed, numeric, cats, text, y):
    idx = np.arange(len(y))
    tr, rest = train_test_split(idx, test_size=0.3, stratify=y, random_state=split_seed)
    val, te = train_test_split(rest, test_size=0.5, stratify=y[rest], random_state=split_seed)
    out = {}
    for with_text in (False, True):
        xtr, xva, xte = design(numeric, cats, text, tr, val, te, with_text)
        # Each model's regularization is picked on the validation part, then scored once on test.
        candidates = {
            "logistic": [LogisticRegression(C=c, max_iter=5000) for c in (0.1, 1.0, 10.0)],
            "mlp": [MLPClassifier((64, 32), alpha=a, max_iter=300, random_state=0) for a in (0.1, 1.0, 3.0)],
        }
        for name, models in candidates.items():
            best = max(models, key=lambda m: roc_auc_score(y[val], m.fit(xtr, y[tr]).predict_proba(xva)[:, 1]))
            best.fit(xtr, y[tr])
            out[f"{name}{'+text' if with_text else ''}"] = roc_auc_score(y[te], best.predict_proba(xte)[:, 1])
    return out


def ratings():
    header, rows = read_csv(f"{folder}/demo-ratings.csv")
    col = {name: i for i, name in enumerate(header)}
    users = {u: i for i, u in enumerate(sorted({r[col["user_id"]] for r in rows}))}
    items = {p: i for i, p in enumerate(sorted({r[col["product_id"]] for r in rows}))}
    u = np.array([users[r[col["user_id"]]] for r in rows])
    i = np.array([items[r[col["product_id"]]] for r in rows])
    y = np.array([float(r[col["rating"]]) for r in rows])
    pairs = len(set(zip(u.tolist(), i.tolist())))
    counts = np.bincount(i, minlength=len(items))
    top = np.sort(counts)[::-1]
    print(f"ratings: {len(rows)} rows, {len(users)} users, {len(items)} items, duplicate user-item pairs "
          f"{len(rows) - pairs}, rating histogram {np.bincount(y.astype(int), minlength=6)[1:].tolist()}, "
          f"top-10% items hold {top[: len(top) // 10].sum() / len(rows):.2f} of ratings, "
          f"least-rated item {top[-1]}")
    rng = np.random.default_rng(0)
    test = rng.random(len(y)) < 0.2
    tr = ~test
    def rmse(pred):
        return float(np.sqrt(np.mean((pred - y[test]) ** 2)))
    mu = y[tr].mean()
    # Item mean shrunk toward the global mean (popularity baseline, damping 5 ratings).
    isum = np.bincount(i[tr], y[tr] - mu, len(items))
    icnt = np.bincount(i[tr], minlength=len(items))
    item_mean = mu + isum / (icnt + 5)
    # Biased baseline mu + b_u + b_i, a few alternating regularized passes.
    bu, bi = np.zeros(len(users)), np.zeros(len(items))
    ucnt = np.bincount(u[tr], minlength=len(users))
    for _ in range(10):
        bi = np.bincount(i[tr], y[tr] - mu - bu[u[tr]], len(items)) / (icnt + 10)
        bu = np.bincount(u[tr], y[tr] - mu - bi[i[tr]], len(users)) / (ucnt + 10)
    # Biased MF by SGD (Funk SVD): rank 8, lr 0.01, reg 0.05, 40 epochs.
    k, lr, reg = 8, 0.01, 0.05
    P = 0.1 * rng.standard_normal((len(users), k))
    Q = 0.1 * rng.standard_normal((len(items), k))
    mbu, mbi = np.zeros(len(users)), np.zeros(len(items))
    order = np.flatnonzero(tr)
    for _ in range(40):
        rng.shuffle(order)
        for a, b, r in zip(u[order], i[order], y[order]):
            e = r - (mu + mbu[a] + mbi[b] + P[a] @ Q[b])
            mbu[a] += lr * (e - reg * mbu[a])
            mbi[b] += lr * (e - reg * mbi[b])
            pa = P[a].copy()
            P[a] += lr * (e * Q[b] - reg * P[a])
            Q[b] += lr * (e * pa - reg * Q[b])
    mf = np.clip(mu + mbu[u[test]] + mbi[i[test]] + np.sum(P[u[test]] * Q[i[test]], axis=1), 1, 5)
    print(f"  test RMSE: global mean {rmse(np.full(test.sum(), mu)):.4f}, popularity (item mean) "
          f"{rmse(item_mean[i[test]]):.4f}, biased baseline {rmse(mu + bu[u[test]] + bi[i[test]]):.4f}, "
          f"biased MF rank {k} {rmse(mf):.4f}")


numeric, cats, text, y = customers()
runs = [churn_aucs(s, numeric, cats, text, y) for s in range(5)]
print("  test AUC, split seed 0:", {k: round(v, 4) for k, v in runs[0].items()})
print("  test AUC, mean of split seeds 0-4:", {k: round(float(np.mean([r[k] for r in runs])), 4) for k in runs[0]})
if "--no-ratings" not in sys.argv:
    ratings()
