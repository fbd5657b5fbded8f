"""Sign-in with MitID Erhverv through an OpenID Connect provider (C12).

NemLog-in / MitID Erhverv speak OIOSAML; a broker in front of them speaks OpenID Connect,
and this module is the client, built on ``mozilla-django-oidc``: the authorisation code
flow with PKCE, state and nonce (the library's), the ID token verified here in full
(RS256 signature by one of the provider's published keys, issuer, audience, expiry, nonce).

Everything comes from the provider's discovery document (``OIDC_DISCOVERY_URL``), read
when first needed and kept for ``DISCOVERY_TTL`` seconds; with no provider configured
(``oidc_enabled()`` is false) the OIDC pages answer 404, the login page shows no button
and the backend authenticates nobody.

The verified (issuer, subject) pair is the person; it maps to a user only through an
``ExternalIdentity``. No user is ever created here and an e-mail address never matches a
user by itself. A first sign-in with no link logs nobody in: the verified identity waits
in the session (``pending_identity``) while the person links it by accepting an invitation
or by an access request the Board approves (``registration``).
"""

# The backend keeps its dotted path, "indsats.accounts.oidc.OIDCBackend": it is listed in
# AUTHENTICATION_BACKENDS and stored in the session of everyone signed in with MitID Erhverv
# (``identity.BACKEND_PATH``), and a session whose backend is not listed is logged out.
from .backend import OIDCBackend

__all__ = ["OIDCBackend"]
