"""Two-factor sign-in for the Board's staff (C12).

A password alone does not let a member of the Board's staff in: after it, they confirm a
code from an authenticator app (TOTP, through django-otp) or one of their single-use
recovery codes. A staff user without an app is sent to set one up at their first sign-in.
An OpenID Connect sign-in the provider vouches for as multi-factor needs no code
(``indsats.accounts.strong_auth``). Applicants are never asked.

The pieces: ``middleware`` keeps an unconfirmed staff session to the code pages,
``services`` holds the rules, ``views`` the pages, ``models`` the record of an
administrator's reset (in the audit trail).
"""
