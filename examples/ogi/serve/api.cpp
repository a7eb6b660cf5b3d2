// ogi serve: the endpoints (api.hpp). Each is a library call and one of the documents the
// command line prints; nothing here touches the file system.
#include "api.hpp"
#include "web_assets.hpp"

#include <ogi/check/aggregate.hpp>
#include <ogi/check/compare.hpp>
#include <ogi/check/validate.hpp>
#include <ogi/form/rules.hpp>
#include <ogi/json/documents.hpp>
#include <ogi/json/json.hpp>
#include <ogi/read/extract.hpp>
#include <ogi/write/export.hpp>
#include <ogi/write/render.hpp>

#include <boost/json.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <vector>

namespace json = boost::json;

namespace ogi::serve {

namespace {

constexpr std::string_view json_type = "application/json; charset=utf-8";

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<std::string> percent_decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%') {
            if (i + 2 >= s.size()) return std::nullopt;
            const int hi = hex_digit(s[i + 1]), lo = hex_digit(s[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

bool lower_starts_with(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

Answer json_answer(const json::value& v) {
    Answer a;
    a.content_type = json_type;
    a.body = pretty_json(v);
    return a;
}

/// The parameters of one request, read once.
struct Query {
    std::string_view target;
    bool ok = true;
    std::string get(std::string_view key, bool& found) {
        bool good = true;
        std::string v = query_value(target, key, found, good);
        ok = ok && good;
        return v;
    }
    std::string get(std::string_view key) {
        bool found = false;
        return get(key, found);
    }
    bool flag(std::string_view key) {
        const std::string v = get(key);
        return v == "1" || v == "true" || v == "yes";
    }
};

Answer bad_query() {
    return error_answer(400, "bad_query", "请求地址的参数中有无效的百分号编码",
                        "the query of the request holds a malformed percent escape");
}

Answer bad_json(const Diagnostic& problem) {
    const std::string where = problem.line ? fmt::format("{}:{}", *problem.line, problem.column.value_or(0)) : "";
    return error_answer(400, "bad_json", fmt::format("请求正文不是有效的JSON（{}）：{}", where, problem.message_zh),
                        fmt::format("the request body is not valid JSON ({}): {}", where, problem.message_en));
}

/// A report from a JSON value, or the 400 that says why it is not one (`where` names it).
std::optional<Report> report_from(const json::value& v, std::string_view where, Answer& refusal) {
    try {
        return json::value_to<Report>(v);
    } catch (const std::exception& e) {
        refusal = error_answer(400, "bad_report",
                               fmt::format("{} 不是有效的报告（POST /api/v1/validate 可列出全部问题）：{}", where, e.what()),
                               fmt::format("{} is not a valid report (POST /api/v1/validate lists every problem): {}", where,
                                           e.what()));
        return std::nullopt;
    }
}

/// The body as a JSON object, or the 400 that says why not.
std::optional<JsonDocument> body_object(std::string_view body, std::string_view shape, Answer& refusal) {
    Diagnostic problem;
    auto doc = parse_json(body, problem);
    if (!doc) {
        refusal = bad_json(problem);
        return std::nullopt;
    }
    if (!doc->value.is_object()) {
        refusal = error_answer(400, "bad_body", fmt::format("请求正文应为 {}", shape), fmt::format("the request body must be {}", shape));
        return std::nullopt;
    }
    return doc;
}

/// The reports of an array member of the body ("parts", "reports").
std::optional<std::vector<Report>> reports_of(const json::object& body, std::string_view key, std::string_view shape,
                                              Answer& refusal) {
    const json::value* v = body.if_contains(key);
    if (!v || !v->is_array()) {
        refusal = error_answer(400, "bad_body", fmt::format("请求正文应为 {}", shape), fmt::format("the request body must be {}", shape));
        return std::nullopt;
    }
    std::vector<Report> reports;
    reports.reserve(v->as_array().size());
    for (std::size_t i = 0; i < v->as_array().size(); ++i) {
        auto r = report_from(v->as_array()[i], fmt::format("{}[{}]", key, i), refusal);
        if (!r) return std::nullopt;
        reports.push_back(std::move(*r));
    }
    return reports;
}

ValidateOptions validate_options(Query& q) {
    ValidateOptions o;
    o.warnings_as_errors = q.flag("werror");
    o.blanks_as_zero = q.flag("blanks_as_zero");
    return o;
}

// ---------------------------------------------------------------- the endpoints

Answer do_validate(const Request& r, Query& q, Lang lang) {
    bool named = false;
    const std::string name = q.get("name", named);
    const ValidateOptions options = validate_options(q);
    if (!q.ok) return bad_query();
    const ValidationResult result = validate_json_text(r.body, options);
    return json_answer(diagnostics_document(named ? name : "-", result.valid, result.diagnostics, lang));
}

Answer do_extract(const Request& r, Query& q, Lang lang, const ApiOptions& api) {
    ExtractOptions options;
    options.source_name = q.get("name");
    options.with_provenance = q.flag("provenance");
    options.max_bytes = api.max_body;
    const bool also_validate = q.flag("validate");
    const bool explain = q.flag("explain");
    ValidateOptions vo = validate_options(q);
    if (!q.ok) return bad_query();
    const InputKind kind = detect_input_kind(r.body);
    ExtractResult res = extract(r.body, options);
    if (!can_read(kind)) {  // the extractor's own OGI-E-FORMAT finding says what to convert it to
        auto it = std::find_if(res.diagnostics.begin(), res.diagnostics.end(),
                               [](const Diagnostic& d) { return d.rule == "OGI-E-FORMAT"; });
        const std::string zh = it != res.diagnostics.end() ? it->message_zh : fmt::format("无法读取此类文件（{}）", to_string(kind));
        const std::string en = it != res.diagnostics.end() ? it->message_en : fmt::format("cannot read this kind of file ({})", to_string(kind));
        return error_answer(415, "unsupported_kind", zh, en);
    }
    std::vector<Diagnostic> diags = std::move(res.diagnostics);
    if (res.report && also_validate) {
        const ValidationResult v = validate(*res.report, vo);
        diags.insert(diags.end(), v.diagnostics.begin(), v.diagnostics.end());
    }
    // ?explain=1: where each cell was read, as `ogi extract --format json --explain` gives it.
    boost::json::object where;
    if (explain) where = explain_json(res);
    return json_answer(extract_document(res.report, diags, lang, explain ? &where : nullptr));
}

Answer do_render(const Request& r, Query& q, Lang lang) {
    bool given = false;
    const std::string to = q.get("to", given);
    const bool check = q.flag("check");
    ValidateOptions vo = validate_options(q);
    if (!q.ok) return bad_query();
    const std::optional<RenderFormat> format = parse_render_format(given ? std::string_view(to) : "html");
    if (!format)
        return error_answer(400, "bad_query", fmt::format("to={} 无效：应为 html、markdown 或 text", to),
                            fmt::format("to={} is not one of html, markdown, text", to));
    Diagnostic problem;
    const auto doc = parse_json(r.body, problem);
    if (!doc) return bad_json(problem);
    ValidationResult checked;
    if (check) checked = validate_json(*doc, vo);
    Answer refusal;
    const auto report = report_from(doc->value, "the body", refusal);
    if (!report) return refusal;
    RenderOptions options;
    options.lang = lang;
    if (check) options.marks = &checked.diagnostics;
    Answer a;
    a.body = render(*report, *format, options);
    switch (*format) {
    case RenderFormat::html: a.content_type = "text/html; charset=utf-8"; a.csp = drawing_csp; break;
    case RenderFormat::markdown: a.content_type = "text/markdown; charset=utf-8"; break;
    case RenderFormat::text: a.content_type = "text/plain; charset=utf-8"; break;
    }
    return a;
}

Answer do_compare(const Request& r, Query& q, Lang lang) {
    CompareOptions options;
    options.force = q.flag("force");
    options.warnings_as_errors = q.flag("werror");
    options.blanks_as_zero = q.flag("blanks_as_zero");
    if (!q.ok) return bad_query();
    constexpr std::string_view shape = R"({"earlier": report, "later": report})";
    Answer refusal;
    const auto doc = body_object(r.body, shape, refusal);
    if (!doc) return refusal;
    const json::object& body = doc->value.as_object();
    const json::value* e = body.if_contains("earlier");
    const json::value* l = body.if_contains("later");
    if (!e || !l)
        return error_answer(400, "bad_body", fmt::format("请求正文应为 {}", shape), fmt::format("the request body must be {}", shape));
    const auto earlier = report_from(*e, "earlier", refusal);
    if (!earlier) return refusal;
    const auto later = report_from(*l, "later", refusal);
    if (!later) return refusal;
    try {
        const CompareResult result = compare(*earlier, *later, options);
        return json_answer(diagnostics_document("later", result.valid, result.diagnostics, lang));
    } catch (const NotComparable& nc) {
        return error_answer(400, "not_comparable", nc.message(Lang::zh) + "（确需比较可加 ?force=1）",
                            nc.message(Lang::en) + " (?force=1 compares them anyway)");
    }
}

Answer do_aggregate(const Request& r, Query& q) {
    AggregateOptions options;
    options.agency_name = q.get("agency");
    if (!q.ok) return bad_query();
    constexpr std::string_view shape = R"({"parts": [report, …]})";
    Answer refusal;
    const auto doc = body_object(r.body, shape, refusal);
    if (!doc) return refusal;
    const auto parts = reports_of(doc->value.as_object(), "parts", shape, refusal);
    if (!parts) return refusal;
    try {
        const AggregateResult sum = aggregate(*parts, options);
        Answer a;
        a.content_type = json_type;
        a.body = to_json_text(sum.report);
        return a;
    } catch (const NotAggregatable& na) {
        const std::string who = na.part() ? fmt::format(" (parts[{}])", *na.part()) : "";
        return error_answer(400, "not_aggregatable", na.message(Lang::zh) + who, na.message(Lang::en) + who);
    }
}

Answer do_export(const Request& r, Query& q) {
    bool given = false;
    const std::string form = q.get("form", given);
    const bool bom = q.flag("bom");
    if (!q.ok) return bad_query();
    if (given && form != "long" && form != "wide")
        return error_answer(400, "bad_query", fmt::format("form={} 无效：应为 long 或 wide", form),
                            fmt::format("form={} is not one of long, wide", form));
    const bool wide = given && form == "wide";
    constexpr std::string_view shape = R"({"reports": [report, …], "files": [name, …] (optional)})";
    Answer refusal;
    const auto doc = body_object(r.body, shape, refusal);
    if (!doc) return refusal;
    const json::object& body = doc->value.as_object();
    const auto reports = reports_of(body, "reports", shape, refusal);
    if (!reports) return refusal;
    // Each row names its file: files[i] if given, else the report's source.file, else nothing.
    std::vector<std::string> files(reports->size());
    const json::value* names = body.if_contains("files");
    if (names && (!names->is_array() || names->as_array().size() != reports->size()))
        return error_answer(400, "bad_body", "files 应为与 reports 等长的文件名数组",
                            "files must be an array of names as long as reports");
    for (std::size_t i = 0; i < reports->size(); ++i) {
        const json::value* n = names ? &names->as_array()[i] : (*reports)[i].source.if_contains("file");
        if (n && n->is_string()) files[i] = std::string(n->as_string());
        else if (names) return error_answer(400, "bad_body", "files 应为文件名（字符串）数组", "files must be an array of strings");
    }
    Answer a;
    a.content_type = "text/csv; charset=utf-8";
    if (bom) a.body = utf8_bom;
    if (!wide) {
        a.body += csv_long_header();
        for (std::size_t i = 0; i < reports->size(); ++i) append_csv_long(a.body, (*reports)[i], files[i]);
        return a;
    }
    std::vector<Edition> editions;
    for (const Edition e : {Edition::e2019, Edition::e2021})
        if (std::any_of(reports->begin(), reports->end(), [&](const Report& rep) { return rep.edition() == e; }))
            editions.push_back(e);
    a.body += csv_wide_header(editions);
    for (std::size_t i = 0; i < reports->size(); ++i) append_csv_wide(a.body, (*reports)[i], files[i], editions);
    return a;
}

struct Route {
    std::string_view path, method;
};
constexpr Route routes[] = {
    {"/api/v1/rules", "GET"},     {"/api/v1/schema", "GET"},    {"/api/v1/validate", "POST"},
    {"/api/v1/extract", "POST"},  {"/api/v1/render", "POST"},   {"/api/v1/compare", "POST"},
    {"/api/v1/aggregate", "POST"}, {"/api/v1/export", "POST"},
};

}  // namespace

Answer error_answer(unsigned status, std::string_view code, std::string_view zh, std::string_view en) {
    Answer a;
    a.status = status;
    a.content_type = json_type;
    a.body = pretty_json(json::object{{"error", json::object{{"code", code}, {"message", json::object{{"zh", zh}, {"en", en}}}}}});
    return a;
}

std::string_view target_path(std::string_view target) { return target.substr(0, target.find('?')); }

std::string query_value(std::string_view target, std::string_view key, bool& found, bool& ok) {
    found = false;
    ok = true;
    const auto q = target.find('?');
    if (q == std::string_view::npos) return {};
    std::string_view rest = target.substr(q + 1);
    std::string value;
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        const auto eq = pair.find('=');
        const auto k = percent_decode(pair.substr(0, eq));
        const auto v = percent_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
        if (!k || !v) {
            ok = false;
            continue;
        }
        if (*k == key && !found) {  // the first one counts
            found = true;
            value = *v;
        }
    }
    return value;
}

Lang request_lang(std::string_view target, std::string_view accept_language) {
    bool found = false, ok = true;
    const std::string lang = query_value(target, "lang", found, ok);
    if (found && lang == "en") return Lang::en;
    if (found && lang == "zh") return Lang::zh;
    // Accept-Language: "en-US,en;q=0.9,zh;q=0.8": the zh or en range of the highest weight.
    double best = -1;
    Lang chosen = Lang::zh;
    while (!accept_language.empty()) {
        const auto comma = accept_language.find(',');
        std::string_view item = trim(accept_language.substr(0, comma));
        accept_language = comma == std::string_view::npos ? std::string_view{} : accept_language.substr(comma + 1);
        double weight = 1;
        if (const auto semi = item.find(';'); semi != std::string_view::npos) {
            std::string_view param = trim(item.substr(semi + 1));
            item = trim(item.substr(0, semi));
            if (lower_starts_with(param, "q=")) {
                param.remove_prefix(2);
                weight = 0;
                // 0, 0.5, 1.000: a digit, then optional decimals
                if (!param.empty() && (param[0] == '0' || param[0] == '1')) {
                    weight = param[0] - '0';
                    double scale = 0.1;
                    for (std::size_t i = 2; i < param.size() && param[1] == '.' && i < 5; ++i, scale /= 10)
                        if (param[i] >= '0' && param[i] <= '9') weight += (param[i] - '0') * scale;
                }
            }
        }
        const bool zh = lower_starts_with(item, "zh") && (item.size() == 2 || item[2] == '-' || item[2] == '_');
        const bool en = lower_starts_with(item, "en") && (item.size() == 2 || item[2] == '-' || item[2] == '_');
        if ((zh || en) && weight > 0 && weight > best) {
            best = weight;
            chosen = zh ? Lang::zh : Lang::en;
        }
    }
    return chosen;
}

Answer answer(const Request& r, const ApiOptions& options) {
    const std::string_view path = target_path(r.target);
    const bool get = r.method == "GET" || r.method == "HEAD";
    for (const WebAsset& asset : web_assets()) {
        if (asset.path != path) continue;
        if (!get) {
            Answer a = error_answer(405, "method_not_allowed", fmt::format("{} 只接受 GET", path), fmt::format("{} takes GET only", path));
            a.allow = "GET, HEAD";
            return a;
        }
        Answer a;
        a.content_type = asset.content_type;
        a.body = asset.body;
        a.csp = page_csp;
        return a;
    }
    const auto route = std::find_if(std::begin(routes), std::end(routes), [&](const Route& rt) { return rt.path == path; });
    if (route == std::end(routes))
        return error_answer(404, "not_found", fmt::format("没有这个地址：{}", path), fmt::format("no such path: {}", path));
    if (!(route->method == r.method || (route->method == "GET" && r.method == "HEAD"))) {
        Answer a = error_answer(405, "method_not_allowed", fmt::format("{} 只接受 {}", path, route->method),
                                fmt::format("{} takes {} only", path, route->method));
        a.allow = route->method == "GET" ? "GET, HEAD" : std::string(route->method);
        return a;
    }
    const Lang lang = request_lang(r.target, r.accept_language);
    Query q{r.target};
    if (path == "/api/v1/rules") {
        q.get("lang");
        if (!q.ok) return bad_query();
        return json_answer(rules_document(lang));
    }
    if (path == "/api/v1/schema") {
        Answer a;
        a.content_type = "application/schema+json; charset=utf-8";
        a.body = report_schema_text();
        return a;
    }
    if (path == "/api/v1/validate") return do_validate(r, q, lang);
    if (path == "/api/v1/extract") return do_extract(r, q, lang, options);
    if (path == "/api/v1/render") return do_render(r, q, lang);
    if (path == "/api/v1/compare") return do_compare(r, q, lang);
    if (path == "/api/v1/aggregate") return do_aggregate(r, q);
    return do_export(r, q);
}

}  // namespace ogi::serve
