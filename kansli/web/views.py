from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kansli.organisation.models import Body


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"bodies": Body.objects.all()})
