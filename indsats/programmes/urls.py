from django.urls import path  # noqa: F401 - views are added as the back office grows

app_name = "programmes"
urlpatterns: list = []
