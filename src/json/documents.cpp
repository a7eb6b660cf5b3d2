// The JSON documents every front end answers with (ogi/json/documents.hpp).
#include <ogi/json/documents.hpp>

#include <ogi/form/rules.hpp>

#include <boost/json.hpp>

namespace ogi {

namespace {

boost::json::array diagnostics_array(std::span<const Diagnostic> diagnostics, Lang lang) {
    boost::json::array a;
    a.reserve(diagnostics.size());
    for (const Diagnostic& d : diagnostics) a.push_back(to_json(d, lang));
    return a;
}


}  // namespace

boost::json::object diagnostics_document(std::string_view file, bool valid, std::span<const Diagnostic> diagnostics,
                                         Lang lang) {
    return boost::json::object{{"file", file}, {"valid", valid}, {"diagnostics", diagnostics_array(diagnostics, lang)}};
}

boost::json::object extract_document(const std::optional<Report>& report, std::span<const Diagnostic> diagnostics,
                                     Lang lang, const boost::json::object* explain) {
    boost::json::object doc;
    doc["report"] = report ? boost::json::value_from(*report) : boost::json::value(nullptr);
    doc["diagnostics"] = diagnostics_array(diagnostics, lang);
    if (explain) doc["explain"] = *explain;
    return doc;
}

boost::json::array rules_document(Lang lang) {
    boost::json::array a;
    for (const RuleInfo& r : rules())
        a.push_back(boost::json::object{{"id", r.id},
                                        {"severity", to_string(r.severity)},
                                        {"scope", to_string(r.scope)},
                                        {"statement", lang == Lang::zh ? r.statement_zh : r.statement_en},
                                        {"basis", r.basis}});
    return a;
}

}  // namespace ogi
