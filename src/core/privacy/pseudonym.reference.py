# Produces the expected HMAC-SHA-256 values in pseudonym.test.ts: run with /usr/bin/python3.
import hmac, hashlib
for key, msg in [("loupe-test-key", "ana.silva@example.com"), ("loupe-test-key", "U00001"), ("another key", "ana.silva@example.com"), ("ключ", "Zoë Müller")]:
    print(repr(key), repr(msg), hmac.new(key.encode("utf-8"), msg.encode("utf-8"), hashlib.sha256).hexdigest())
