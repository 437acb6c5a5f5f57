#include "server/form_fields.h"

namespace cloudplan::server {

std::string formField(const httplib::Request& request, const std::string& name) {
  if (const auto it = request.files.find(name); it != request.files.end())
    return it->second.content;
  // httplib's params mix the query string in with the body: the body is parsed here alone.
  if (request.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) != 0)
    return {};
  httplib::Params fields;
  httplib::detail::parse_query_text(request.body, fields);
  const auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

}  // namespace cloudplan::server
