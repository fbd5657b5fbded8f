"""Sign-in with MitID Erhverv through OpenID Connect (C12); the module moved into a package."""

from .views import *  # noqa: F403 (until it is split by concern)
