// Once django-otp-webauthn's script has added a passkey, the page says so to Kansli with the
// form "passkey-added": the recovery codes are shown once if they are the user's first, or the
// user goes on to where they were going (kansli.accounts.two_factor_views.passkey_added). The
// overview and the first set-up share this one way on.
"use strict";
document.addEventListener("otp_webauthn.register_complete", () => {
  document.getElementById("passkey-added").submit();
});
