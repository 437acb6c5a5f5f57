// A form's text fields as the portal reads them: from the body only, multipart or urlencoded,
// never from the query string, where a token or a CSRF field would end up in logs and histories.
#pragma once

#include <httplib.h>

#include <string>

namespace cloudplan::server {

// The field's value; empty when the body has none.
std::string formField(const httplib::Request& request, const std::string& name);

}  // namespace cloudplan::server
