from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

# The admin site under the service's own name, not "Django administration".
admin.site.site_header = _("Indsats – administration")
admin.site.site_title = _("Indsats – administration")
admin.site.index_title = _("Administration af Indsats")

urlpatterns = [
    path("", include("indsats.core.urls")),
    path("konto/", include("indsats.accounts.urls")),
    path("forloeb/", include("indsats.catalogue.urls")),
    path("", include("indsats.applications.urls")),
    path("forloeb-sager/", include("indsats.programmes.urls")),
    path("screening/", include("indsats.screening.urls")),
    path("fordeling/", include("indsats.allocation.urls")),
    path("organisationer/", include("indsats.organisations.urls")),
    path("revisionsspor/", include("indsats.audit.urls")),
    path("rapporter/", include("indsats.reports.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("indsats.api.urls")),
]

handler403 = "indsats.core.views.permission_denied"
handler404 = "indsats.core.views.page_not_found"
handler500 = "indsats.core.views.server_error"
