// ogi serve: the HTTP API as a function from a request to an answer (docs/serve.md). No sockets
// here: server.cpp reads the request, calls answer() on one of the pool's threads and writes
// what it gives. Every endpoint calls the library functions the command line calls and answers
// with the same documents (ogi/json/documents.hpp).
#pragma once

#include <ogi/base/diagnostic.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace ogi::serve {

/// What answer() needs of a request: already read whole, within the limits.
struct Request {
    std::string_view method;           ///< "GET", "POST", …
    std::string_view target;           ///< origin form: "/api/v1/extract?name=a.txt"
    std::string_view accept_language;  ///< the header, or empty
    std::string_view body;
};

struct Answer {
    unsigned status = 200;
    std::string content_type;
    std::string body;
    std::string allow;  ///< for 405: the methods the path takes
    /// The page's own Content-Security-Policy, or a stricter one for drawings (render to html).
    std::string_view csp;
};

struct ApiOptions {
    std::size_t max_body = 32u << 20;  ///< also the extractor's input limit
};

/// The answer to a request: the page and its files, or an endpoint of the API; 400, 404, 405 or
/// 415 with the JSON error body for a request that is wrong (docs/serve.md).
Answer answer(const Request& request, const ApiOptions& options);

/// The JSON error body of http.md: {"error": {"code", "message": {"zh", "en"}}}.
Answer error_answer(unsigned status, std::string_view code, std::string_view zh, std::string_view en);

/// The language of a request's messages: ?lang=zh|en, else the first of zh or en that
/// Accept-Language prefers, else zh.
Lang request_lang(std::string_view target, std::string_view accept_language);

/// The path of a target (before '?'), and the value of one query parameter, percent-decoded
/// ('+' is a space). `ok` is false when the query holds a malformed escape.
std::string_view target_path(std::string_view target);
std::string query_value(std::string_view target, std::string_view key, bool& found, bool& ok);

/// The Content-Security-Policy of the page: its own files only, no inline script or style.
inline constexpr std::string_view page_csp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
/// A drawing opened on its own (render to html): its inline style, nothing else, in a sandbox.
inline constexpr std::string_view drawing_csp =
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox";

}  // namespace ogi::serve
