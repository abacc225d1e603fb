import type { authJa } from "@/lib/i18n/parts/auth.ja";

export const authEn: { [K in keyof typeof authJa]: string } = {
  forgotLink: "Forgot your password?",
  forgotTitle: "Reset your password",
  forgotIntro: "Enter the e-mail address of your account. We will send you a link to set a new password (valid for 30 minutes, once).",
  forgotSubmit: "Send the link",
  sending: "Sending…",
  forgotSent: "If the address belongs to an account, we have sent it a link to reset the password. If nothing arrives, check the address and try again.",
  tooMany: "Please wait a while and try again.",
  resetTitle: "Set a new password",
  resetSubmit: "Set the password",
  saving: "Saving…",
  linkInvalid: "This link is invalid, has expired or has been used already. Please start again.",
  passwordSet: "Your password has been set. Please log in with the new password.",
  resetMailSubject: "[{shop}] Resetting your password",
  resetMailBody:
    "We received a request to reset your password.\n\nSet a new password within 30 minutes with this link (it works once):\n{url}\n\nIf you did not ask for this, ignore this e-mail; your password stays as it is.",
  verifyMailSubject: "[{shop}] Please confirm your e-mail address",
  verifyMailBody: "Thank you for registering with {shop}.\n\nPlease confirm your e-mail address with this link (valid for 3 days). Once confirmed, you can save a credit card and pay with it.\n{url}\n\nIf you did not register, ignore this e-mail.",
  verifyTitle: "E-mail confirmation",
  verified: "Your e-mail address is confirmed.",
  verifyNeeded: "Saving a credit card needs a confirmed e-mail address. Please open the link in the e-mail we sent when you registered.",
  verifyResend: "Send the confirmation e-mail again",
  verifyResent: "We have sent the confirmation e-mail.",
  setupTitle: "Set the administrator password",
  setupIntro: "Set the password of the shop administrator {email} (12 characters or more). This page works once, for 60 minutes after it was issued.",
  setupSubmit: "Save and open the admin",
};
