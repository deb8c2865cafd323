"""The decision register's pages."""

urlpatterns: list = []
