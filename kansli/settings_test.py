"""Settings for the test suite: the production settings with test-friendly defaults."""

import os
import tempfile

TEST_ENVIRONMENT = {
    "SECRET_KEY": "kansli-test-only-not-secret-but-as-long-as-a-production-key-0123456789",
    "KANSLI_AUDIT_KEY": "kansli-test-only-audit-key-not-secret-but-long-enough-9876543210",
    "SECURE_SSL_REDIRECT": "0",
    "SESSION_COOKIE_SECURE": "0",
    "CSRF_COOKIE_SECURE": "0",
}
for name, value in TEST_ENVIRONMENT.items():
    os.environ.setdefault(name, value)

from kansli.settings import *  # noqa: E402, F403

ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Serve static files from the apps' folders, as in development, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Every test process gets a local certificate authority of its own, removed when it ends.
_SIGNING_DIR = tempfile.TemporaryDirectory(prefix="kansli-signing-")
KANSLI_SIGNING_DIR = Path(_SIGNING_DIR.name)  # noqa: F405
# Tasks run at once, in the test's own thread and database transaction.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The tests' webhook subscribers listen on 127.0.0.1.
KANSLI_WEBHOOK_ALLOW_PRIVATE = True
# pytest captures the log itself (its report's "Captured log"); a stream handler made at setup
# holds the stderr of that moment, which pytest's capture later closes.
LOGGING["handlers"]["console"] = {"class": "logging.NullHandler"}  # noqa: F405
