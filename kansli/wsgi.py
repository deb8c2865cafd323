"""The WSGI application that gunicorn serves (`make serve`, deploy/kansli-web.service).

Each worker imports the URL configuration, and with it every view's module, when it loads the
application, before it takes a request: left to Django's first request, that import (2.6 s on
this project's machines) made the worker's first users wait behind it after every start or
restart (docs/benchmarks.md, "Load on a quiet machine").
"""

import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansli.settings")
application = get_wsgi_application()
import_module(settings.ROOT_URLCONF)
