// The portal's HTML pages, rendered on the server from the store: the report's style, no
// external assets, no script, every form a plain POST carrying the session's CSRF token. Every
// text that comes from an inventory, an account or a message is escaped. Access is checked by the
// caller (server/portal.cpp): a page shows what it is asked to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/portal_accounts.h"
#include "store/store_database.h"

namespace cloudplan::server {

// Who is looking, for the header (name, role, logout form) and the forms' CSRF token.
struct PageContext {
  std::string account;
  store::Role role = store::Role::agency;
  std::string agency;  // Role::agency: the account's agency
  std::string csrf;
  std::string notice;  // one line shown on top (an upload refused, a plan made); empty: none
};

// GET /assets/portal.css: the one style sheet every page links (the report's look, the
// feedback's, the portal's forms), so that the Content-Security-Policy allows no inline style.
std::string_view portalStylesheet();

// GET /login. `nonce` goes into the form's hidden field `nonce` (and the caller sets it as the
// cookie cloudplan_login too); `message`: why the last attempt failed, or empty.
std::string loginPage(std::string_view nonce, std::string_view message);

// GET /agencies/CODE: the agency's current inventory (its systems; its dependencies; the systems
// of other agencies that depend on its systems), its submission history (newest first, each
// linked to its feedback), the upload form (POST /agencies/CODE/submissions, multipart, field
// `file` multiple, `message`, `csrf`) when `canSubmit`, and the downloads. nullopt: no such
// agency.
std::optional<std::string> agencyPage(store::StoreDatabase& store, const PageContext& context,
                                      std::string_view code, bool canSubmit);

// GET /submissions/N: the feedback of a submission (exporters::feedbackHtml's content: its
// changes, its diagnostics as FILE:LINE), with links to its files and back to its agency.
// nullopt: no such submission.
std::optional<std::string> submissionPage(store::StoreDatabase& store, const PageContext& context,
                                          uint32_t number);

// GET /national: every agency of the register with its last accepted submission, systems,
// rejected since, unresolved references; `since` (YYYY-MM-DD or empty) filters "submitted
// since"; the "plan now" form (POST /plans) with `settings` shown (plan.json's settings object
// as JSON text, from cloudplan.toml); the plans made.
std::string nationalPage(store::StoreDatabase& store, const PageContext& context,
                         std::string_view since, std::string_view settings);

// GET /plans: the plans made, newest first, each linked to its report (/plans/N/report.html)
// and its ministries' index, with a form to compare two (GET /plans/diff?from=A&to=B).
std::string plansPage(store::StoreDatabase& store, const PageContext& context);

// GET / for a reviewer (and the national office's "latest plan"): the latest plan's report and
// per-ministry pages, linked; "no plan yet" when there is none.
std::string reviewerPage(store::StoreDatabase& store, const PageContext& context);

// An error page: "403 Forbidden" and what to do. `context` null: not logged in.
std::string errorPage(int status, std::string_view title, std::string_view message,
                      const PageContext* context);

}  // namespace cloudplan::server
