# Produced the expected values in latency.test.ts with: /usr/bin/python3 src/core/monitor/latency.fixture.py
# (numpy 1.24, np.percentile's default 'linear' method). CI never runs it.
import numpy as np
cases = {
    'ten': [3.1, 0.4, 9.7, 2.2, 2.2, 5.0, 7.3, 1.1, 8.8, 4.6],
    'two': [1.0, 3.0],
    'one': [2.5],
    'seven': [10, 1, 7, 3, 3, 12, 5],
}
for name, xs in cases.items():
    print(name, {q: float(np.percentile(xs, q)) for q in (0, 25, 50, 90, 95, 100)})
