#include <ogi/base/diagnostic.hpp>

#include <boost/json.hpp>

#include <cstdlib>
#include <string>

namespace ogi {

std::string_view to_string(Severity s) {
    switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
    }
    return "error";
}

Lang lang_from_environment() {
    // POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG.
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(var);
        if (v && *v) return std::string_view(v).substr(0, 2) == "zh" ? Lang::zh : Lang::en;
    }
    return Lang::en;
}

boost::json::object to_json(const Diagnostic& d, Lang lang) {
    boost::json::object o;
    o["rule"] = d.rule;
    o["severity"] = to_string(d.severity);
    o["path"] = d.path;
    o["message"] = d.message(lang);
    if (d.expected) o["expected"] = *d.expected;
    if (d.actual) o["actual"] = *d.actual;
    if (!d.related.empty()) {
        boost::json::array a;
        for (const auto& r : d.related) a.emplace_back(r);
        o["related"] = std::move(a);
    }
    if (d.line) o["line"] = *d.line;
    if (d.column) o["column"] = *d.column;
    return o;
}

}  // namespace ogi
