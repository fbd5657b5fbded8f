from django.urls import path

from .delivery_urls import urlpatterns as delivery_urlpatterns
from .views import programme, tasks

app_name = "programmes"
urlpatterns = [
    path("", programme.programme_list, name="list"),
    path("opgaver/", tasks.task_list, name="tasks"),
    path("<int:pk>/", programme.programme_detail, name="detail"),
    path("<int:pk>/trin/<slug:step>/", programme.step_complete, name="step_complete"),
    path("<int:pk>/samarbejdsaftale/", programme.generate_agreement, name="generate_agreement"),
    path("<int:pk>/tag-sted-ud/", programme.take_site_out, name="take_site_out"),
    *delivery_urlpatterns,
]
