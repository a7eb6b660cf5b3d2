// The JSON Schema of report JSON, generated from the form definitions: a new edition or row
// in the form is a new schema without a line changed here.
#include <ogi/json/json.hpp>

#include <boost/json.hpp>

namespace json = boost::json;

namespace ogi {
namespace {

json::value schema_ref(std::string_view name) { return json::object{{"$ref", "#/definitions/" + std::string(name)}}; }

std::string_view kind_definition(CellKind k) {
    switch (k) {
    case CellKind::count: return "count";
    case CellKind::signed_count: return "signed_count";
    case CellKind::money: return "money";
    case CellKind::unit: return "unit";
    }
    return "count";
}

json::array strings(const std::vector<std::string>& v) {
    json::array a;
    for (const auto& s : v) a.emplace_back(s);
    return a;
}

/// The schema of one table of one edition: rows of columns, every key known.
json::object table_schema(const Table& t) {
    json::object properties;
    json::array required;
    std::vector<std::string> single, split;
    for (const Block& b : t.blocks)
        for (const Row& r : b.rows) {
            json::object cols;
            json::array col_required;
            for (const Column& c : b.columns) {
                json::value s = schema_ref(kind_definition(c.kind));
                if (c.kind == CellKind::unit)
                    s = json::object{{"enum", [&] {
                                          json::array a = strings(c.words);
                                          a.emplace_back(nullptr);
                                          return a;
                                      }()}};
                else
                    col_required.emplace_back(c.key);
                s.as_object()["description"] = c.label;
                cols[c.key] = std::move(s);
            }
            properties[r.key] = json::object{
                {"description", r.group.empty() ? r.label : r.group + " " + r.label},
                {"type", "object"},
                {"required", std::move(col_required)},
                {"additionalProperties", false},
                {"properties", std::move(cols)},
            };
            if (r.layout == RowLayout::always) required.emplace_back(r.key);
            if (r.layout == RowLayout::single_other) single.push_back(r.key);
            if (r.layout == RowLayout::split_other) split.push_back(r.key);
        }
    json::object s{
        {"description", t.title},
        {"type", "object"},
        {"required", std::move(required)},
        {"additionalProperties", false},
        {"properties", std::move(properties)},
    };
    if (!single.empty() && !split.empty()) {
        // Section 三（六）: one complete layout, never both (report-json.md).
        s["anyOf"] = json::array{json::object{{"required", strings(single)}}, json::object{{"required", strings(split)}}};
        json::object deps;
        json::array any_split;
        for (const auto& k : split) any_split.push_back(json::object{{"required", json::array{json::value(k)}}});
        for (const auto& k : single) deps[k] = json::object{{"not", json::object{{"anyOf", any_split}}}};
        for (const auto& k : split) deps[k] = json::object{{"required", strings(split)}};
        s["dependencies"] = std::move(deps);
    }
    return s;
}

json::value build_schema() {
    json::object defs;
    defs["count"] = json::object{{"description", "a count: a whole number, or null where the report leaves the cell blank"},
                                 {"type", json::array{"integer", "null"}},
                                 {"minimum", 0},
                                 {"maximum", 9007199254740991}};
    defs["signed_count"] = json::object{{"description", "a change, which may be negative; null where blank"},
                                        {"type", json::array{"integer", "null"}},
                                        {"minimum", -9007199254740991},
                                        {"maximum", 9007199254740991}};
    defs["money"] = json::object{
        {"description", "an exact decimal amount, as a JSON number or a string of at most 18 digits; null where blank"},
        {"anyOf", json::array{json::object{{"type", "number"}, {"minimum", 0}},
                              json::object{{"type", "string"},
                                           {"pattern", "^[0-9]+(\\.[0-9]+)?$"},
                                           {"maxLength", 19},
                                           {"not", json::object{{"pattern", "^[0-9]{19}$"}}}},
                              json::object{{"type", "null"}}}}};

    json::array editions, conditions;
    for (Edition e : all_editions) {
        const Form& f = form(e);
        const std::string ed(to_string(e));
        editions.emplace_back(ed);
        for (const Table& t : f.tables()) {
            const std::string name = t.key == "proactive" ? "proactive_" + ed : t.key;
            if (!defs.contains(name)) defs[name] = table_schema(t);
        }
        conditions.push_back(json::object{
            {"if", json::object{{"required", json::array{"edition"}},
                                {"properties", json::object{{"edition", json::object{{"const", ed}}}}}}},
            {"then", json::object{{"properties", json::object{{"proactive", schema_ref("proactive_" + ed)}}}}}});
    }

    json::object text{{"type", "string"}};
    json::object props;
    props["edition"] = json::object{{"description", "which official table format the report follows"},
                                    {"type", "string"},
                                    {"enum", editions}};
    props["year"] = json::object{{"description", "the calendar year the report covers"},
                                 {"type", "integer"},
                                 {"minimum", 1949},
                                 {"maximum", 9999}};
    props["agency"] = json::object{
        {"type", "object"},
        {"required", json::array{"name"}},
        {"additionalProperties", false},
        {"properties", json::object{{"name", text},
                                    {"kind", json::object{{"type", "string"},
                                                          {"enum", json::array{"government", "department", "township", "other"}}}},
                                    {"region", text}}}};
    props["published_on"] = json::object{{"description", "the date printed under the report, YYYY-MM-DD"},
                                         {"type", "string"},
                                         {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}};
    props["proactive"] = json::object{{"description", "二、主动公开政府信息情况 (edition-specific)"}, {"type", "object"}};
    props["applications"] = schema_ref("applications");
    props["reviews"] = schema_ref("reviews");
    props["narrative"] = json::object{{"type", "object"},
                                      {"additionalProperties", false},
                                      {"properties", json::object{{"overview", text}, {"problems", text}, {"other_matters", text}}}};
    props["source"] = json::object{{"type", "object"}};

    return json::object{
        {"$schema", "http://json-schema.org/draft-07/schema#"},
        {"$id", "urn:ogi:report:1"},
        {"title", "政府信息公开工作年度报告 (ogi report JSON)"},
        {"description", "One agency's annual Open Government Information report; generated from ogi's form definitions."},
        {"type", "object"},
        {"required", json::array{"edition", "year", "agency", "proactive", "applications", "reviews"}},
        {"additionalProperties", false},
        {"properties", std::move(props)},
        {"allOf", std::move(conditions)},
        {"definitions", std::move(defs)},
    };
}

}  // namespace

const json::value& report_schema() {
    static const json::value schema = build_schema();
    return schema;
}

const std::string& report_schema_text() {
    static const std::string text = pretty_json(report_schema());
    return text;
}

}  // namespace ogi
