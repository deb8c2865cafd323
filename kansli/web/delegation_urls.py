"""The delegation pages: who may decide what, and the delegation order."""

urlpatterns: list = []
