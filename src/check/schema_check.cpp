// The compiled schema (see schema_check.hpp) and the valijson reference.
#include "check/schema_check.hpp"

#include <ogi/json/json.hpp>

#include <boost/json.hpp>
// valijson's JSON-pointer helpers (std::string::replace) set off GCC 12's false -Wrestrict at
// -O3 (GCC bug 105329); the warning is about library code this file only instantiates.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <valijson/adapters/boost_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string_view>

namespace json = boost::json;

namespace ogi::detail {

namespace {
enum TypeBit : std::uint8_t {
    t_null = 1, t_boolean = 2, t_integer = 4, t_number = 8, t_string = 16, t_array = 32, t_object = 64
};

std::uint8_t type_bit(std::string_view name) {
    if (name == "null") return t_null;
    if (name == "boolean") return t_boolean;
    if (name == "integer") return t_integer;
    if (name == "number") return t_number;
    if (name == "string") return t_string;
    if (name == "array") return t_array;
    if (name == "object") return t_object;
    throw std::invalid_argument("schema: unknown type " + std::string(name));
}

/// The types a value has: a number written without a fraction part is also an integer (as
/// valijson with strong types: an int64; ogi's parser stores every whole number in range so).
std::uint8_t value_types(const json::value& v) {
    switch (v.kind()) {
    case json::kind::null: return t_null;
    case json::kind::bool_: return t_boolean;
    case json::kind::int64: return t_integer | t_number;
    case json::kind::uint64:
    case json::kind::double_: return t_number;
    case json::kind::string: return t_string;
    case json::kind::array: return t_array;
    case json::kind::object: return t_object;
    }
    return 0;
}

/// A numeric bound, exact for integers.
struct Bound {
    bool integral = true;
    std::int64_t i = 0;
    double d = 0;

    static Bound of(const json::value& v) {
        Bound b;
        if (v.is_int64()) b.i = v.get_int64();
        else if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) b.i = static_cast<std::int64_t>(v.get_uint64());
        else if (v.is_number()) {
            b.integral = false;
            b.d = v.to_number<double>();
        } else {
            throw std::invalid_argument("schema: a bound is not a number");
        }
        if (b.integral) b.d = static_cast<double>(b.i);
        return b;
    }
    /// -1, 0, 1 as v compares with the bound (v is a number).
    int compare(const json::value& v) const {
        if (integral) {
            if (v.is_int64()) return v.get_int64() < i ? -1 : (v.get_int64() > i ? 1 : 0);
            if (v.is_uint64()) return i < 0 || v.get_uint64() > static_cast<std::uint64_t>(i) ? 1
                                                                                              : (v.get_uint64() < static_cast<std::uint64_t>(i) ? -1 : 0);
        }
        const double x = v.to_number<double>();
        return x < d ? -1 : (x > d ? 1 : 0);
    }
};

bool all_digits(std::string_view s, std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

/// A `pattern`: the ones the generated schema uses are matched by hand (as std::regex_search
/// with ECMAScript would: ^ and $ only at the ends), any other by std::regex.
struct Pattern {
    enum class Kind : std::uint8_t { date, decimal, digits19, regex };
    Kind kind = Kind::regex;
    std::shared_ptr<const std::regex> re;

    static Pattern of(const std::string& source) {
        if (source == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$") return {Kind::date, nullptr};
        if (source == "^[0-9]+(\\.[0-9]+)?$") return {Kind::decimal, nullptr};
        if (source == "^[0-9]{19}$") return {Kind::digits19, nullptr};
        return {Kind::regex, std::make_shared<const std::regex>(source, std::regex::ECMAScript)};
    }

    [[nodiscard]] bool search(std::string_view s) const {
        switch (kind) {
        case Kind::date:
            return s.size() == 10 && all_digits(s, 0, 4) && s[4] == '-' && all_digits(s, 5, 2) && s[7] == '-' &&
                   all_digits(s, 8, 2);
        case Kind::decimal: {
            std::size_t i = 0;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
            if (i == 0) return false;
            if (i == s.size()) return true;
            if (s[i] != '.') return false;
            const std::size_t fraction = ++i;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
            return i > fraction && i == s.size();
        }
        case Kind::digits19: return s.size() == 19 && all_digits(s, 0, 19);
        case Kind::regex: return std::regex_search(s.begin(), s.end(), *re);
        }
        return false;
    }
};

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

}  // namespace

struct SchemaProgram::Node {
    std::uint8_t types = 0;  // 0: any type
    bool always_false = false;
    std::vector<json::value> enum_values;
    bool has_enum = false;
    std::optional<json::value> const_value;
    std::vector<std::string> required;
    std::vector<std::pair<std::string, int>> properties;  // sorted by key
    std::vector<std::uint32_t> declared;   // declared[i]: the index in `properties` of the i-th property as written
    std::vector<std::uint32_t> position;   // position[j]: where properties[j] was written (declared[position[j]] == j)
    std::vector<bool> property_required;                  // properties[i] is also in `required`
    bool required_are_properties = false;                 // every required key has a property
    bool no_additional = false;
    int additional = -1;
    std::optional<Bound> minimum, maximum;
    std::vector<Pattern> patterns;
    std::optional<std::size_t> max_length;
    int not_ = -1;
    std::vector<int> any_of, all_of;
    int if_ = -1, then_ = -1, else_ = -1;
    struct Dependency {
        std::string key;
        int schema = -1;                 // a schema dependency, or
        std::vector<std::string> names;  // a property dependency
    };
    std::vector<Dependency> dependencies;
    int ref = -1;  // draft-07: a $ref replaces every sibling keyword
};

namespace {

class Compiler {
public:
    Compiler(const json::value& root, std::vector<SchemaProgram::Node>& nodes) : root_(root), nodes_(nodes) {}

    int compile(const json::value& s) {
        const int index = static_cast<int>(nodes_.size());
        nodes_.emplace_back();
        if (s.is_bool()) {
            nodes_[static_cast<std::size_t>(index)].always_false = !s.get_bool();
            return index;
        }
        if (!s.is_object()) throw std::invalid_argument("schema: a schema is neither an object nor a boolean");
        const json::object& o = s.get_object();
        if (const json::value* r = o.if_contains("$ref")) {
            const int target = ref(r->as_string());
            nodes_[static_cast<std::size_t>(index)].ref = target;
            return index;
        }
        SchemaProgram::Node n;
        for (const auto& kv : o) {
            const std::string_view k = kv.key();
            const json::value& v = kv.value();
            if (k == "type") {
                if (v.is_string()) n.types = type_bit(v.get_string());
                else for (const auto& t : v.as_array()) n.types |= type_bit(t.as_string());
                if (n.types & t_number) n.types |= t_integer;
            } else if (k == "enum") {
                n.has_enum = true;
                for (const auto& e : v.as_array()) n.enum_values.push_back(e);
            } else if (k == "const") {
                n.const_value = v;
            } else if (k == "required") {
                for (const auto& e : v.as_array()) n.required.emplace_back(e.as_string());
            } else if (k == "properties") {
                std::vector<std::string> written;
                for (const auto& p : v.as_object()) {
                    n.properties.emplace_back(std::string(p.key()), compile(p.value()));
                    written.emplace_back(p.key());
                }
                std::sort(n.properties.begin(), n.properties.end());
                n.position.assign(n.properties.size(), 0);
                for (const std::string& key : written) {
                    const auto it = std::lower_bound(n.properties.begin(), n.properties.end(), key,
                                                     [](const std::pair<std::string, int>& p, const std::string& k) { return p.first < k; });
                    const auto j = static_cast<std::uint32_t>(it - n.properties.begin());
                    n.position[j] = static_cast<std::uint32_t>(n.declared.size());
                    n.declared.push_back(j);
                }
            } else if (k == "additionalProperties") {
                if (v.is_bool()) n.no_additional = !v.get_bool();
                else n.additional = compile(v);
            } else if (k == "minimum") {
                n.minimum = Bound::of(v);
            } else if (k == "maximum") {
                n.maximum = Bound::of(v);
            } else if (k == "pattern") {
                n.patterns.push_back(Pattern::of(std::string(v.as_string())));
            } else if (k == "maxLength") {
                n.max_length = static_cast<std::size_t>(v.to_number<std::int64_t>());
            } else if (k == "not") {
                n.not_ = compile(v);
            } else if (k == "anyOf" || k == "allOf") {
                auto& list = k == "anyOf" ? n.any_of : n.all_of;
                for (const auto& e : v.as_array()) list.push_back(compile(e));
            } else if (k == "if") {
                n.if_ = compile(v);
            } else if (k == "then") {
                n.then_ = compile(v);
            } else if (k == "else") {
                n.else_ = compile(v);
            } else if (k == "dependencies") {
                for (const auto& d : v.as_object()) {
                    SchemaProgram::Node::Dependency dep{std::string(d.key()), -1, {}};
                    if (d.value().is_array())
                        for (const auto& e : d.value().get_array()) dep.names.emplace_back(e.as_string());
                    else
                        dep.schema = compile(d.value());
                    n.dependencies.push_back(std::move(dep));
                }
            } else if (k == "description" || k == "title" || k == "$schema" || k == "$id" || k == "definitions" ||
                       k == "$comment" || k == "default" || k == "examples") {
                // annotations; definitions are compiled when referred to
            } else {
                throw std::invalid_argument("schema: keyword not supported by the compiled validator: " + std::string(k));
            }
        }
        if (n.if_ < 0) n.then_ = n.else_ = -1;  // then/else without if have no effect
        // An object's keys are unique, so "every required key present" can be counted while
        // its members are matched with `properties`, without looking each one up.
        n.property_required.assign(n.properties.size(), false);
        std::size_t found = 0;
        for (const std::string& k : n.required) {
            auto it = std::lower_bound(n.properties.begin(), n.properties.end(), k,
                                       [](const std::pair<std::string, int>& p, const std::string& key) { return p.first < key; });
            if (it != n.properties.end() && it->first == k) {
                const auto i = static_cast<std::size_t>(it - n.properties.begin());
                found += !n.property_required[i];
                n.property_required[i] = true;
            }
        }
        n.required_are_properties = !n.required.empty() && found == n.required.size();
        nodes_[static_cast<std::size_t>(index)] = std::move(n);
        return index;
    }

private:
    int ref(std::string_view target) {
        if (auto it = refs_.find(std::string(target)); it != refs_.end()) return it->second;
        constexpr std::string_view prefix = "#/definitions/";
        if (target.substr(0, prefix.size()) != prefix) throw std::invalid_argument("schema: unsupported $ref " + std::string(target));
        const json::value* def = nullptr;
        if (const json::object* o = root_.if_object())
            if (const json::value* defs = o->if_contains("definitions"); defs && defs->is_object())
                def = defs->get_object().if_contains(target.substr(prefix.size()));
        if (!def) throw std::invalid_argument("schema: unresolved $ref " + std::string(target));
        // A placeholder first, so that a definition can refer to itself.
        const int index = static_cast<int>(nodes_.size());
        nodes_.emplace_back();
        refs_.emplace(std::string(target), index);
        nodes_[static_cast<std::size_t>(index)].ref = compile(*def);
        return index;
    }

    const json::value& root_;
    std::vector<SchemaProgram::Node>& nodes_;
    std::map<std::string, int> refs_;
};

/// The index in n.properties of the property `key`, or n.properties.size(). Documents list
/// their members in the order the schema declares them, so the property after the last one
/// matched (`next`, which this moves on) is tried before the sorted list is searched.
std::size_t property_of(const SchemaProgram::Node& n, std::string_view key, std::size_t& next) {
    std::size_t j = n.properties.size();
    if (next < n.declared.size() && n.properties[n.declared[next]].first == key) {
        j = n.declared[next];
    } else {
        auto it = std::lower_bound(n.properties.begin(), n.properties.end(), key,
                                   [](const std::pair<std::string, int>& p, std::string_view k) { return p.first < k; });
        if (it != n.properties.end() && it->first == key) j = static_cast<std::size_t>(it - n.properties.begin());
    }
    if (j < n.properties.size()) next = n.position[j] + 1;
    return j;
}

bool run(const std::vector<SchemaProgram::Node>& nodes, int index, const json::value& v) {
    const SchemaProgram::Node* n = &nodes[static_cast<std::size_t>(index)];
    while (n->ref >= 0) n = &nodes[static_cast<std::size_t>(n->ref)];
    if (n->always_false) return false;
    const std::uint8_t types = value_types(v);
    if (n->types && !(n->types & types)) return false;
    if (n->has_enum && std::find(n->enum_values.begin(), n->enum_values.end(), v) == n->enum_values.end()) return false;
    if (n->const_value && !(*n->const_value == v)) return false;
    if (types & t_number) {
        // As valijson: an integer past int64 cannot be compared with a bound, and fails it.
        if (v.is_uint64() && (n->minimum || n->maximum)) return false;
        if (n->minimum && n->minimum->compare(v) < 0) return false;
        if (n->maximum && n->maximum->compare(v) > 0) return false;
    }
    if (types & t_string) {
        const std::string_view s = v.get_string();
        if (n->max_length && code_points(s) > *n->max_length) return false;
        for (const auto& p : n->patterns)
            if (!p.search(s)) return false;
    }
    if (types & t_object) {
        const json::object& o = v.get_object();
        if (!n->required_are_properties)
            for (const std::string& k : n->required)
                if (!o.contains(k)) return false;
        std::size_t required_seen = 0;
        std::size_t next = 0;
        if (!n->properties.empty() || n->no_additional || n->additional >= 0)
            for (const auto& kv : o) {
                const std::size_t j = property_of(*n, kv.key(), next);
                if (j < n->properties.size()) {
                    required_seen += n->property_required[j];
                    if (!run(nodes, n->properties[j].second, kv.value())) return false;
                } else if (n->no_additional) {
                    return false;
                } else if (n->additional >= 0 && !run(nodes, n->additional, kv.value())) {
                    return false;
                }
            }
        if (n->required_are_properties && required_seen != n->required.size()) return false;
        for (const auto& dep : n->dependencies) {
            if (!o.contains(dep.key)) continue;
            if (dep.schema >= 0 && !run(nodes, dep.schema, v)) return false;
            for (const std::string& k : dep.names)
                if (!o.contains(k)) return false;
        }
    }
    for (int s : n->all_of)
        if (!run(nodes, s, v)) return false;
    if (!n->any_of.empty() &&
        std::none_of(n->any_of.begin(), n->any_of.end(), [&](int s) { return run(nodes, s, v); }))
        return false;
    if (n->not_ >= 0 && run(nodes, n->not_, v)) return false;
    if (n->if_ >= 0) {
        if (run(nodes, n->if_, v)) {
            if (n->then_ >= 0 && !run(nodes, n->then_, v)) return false;
        } else if (n->else_ >= 0 && !run(nodes, n->else_, v)) {
            return false;
        }
    }
    return true;
}

void append_token(std::string& path, std::string_view key) {
    path += '/';
    if (std::none_of(key.begin(), key.end(), [](char c) { return c == '~' || c == '/'; })) {
        path.append(key);
        return;
    }
    for (char c : key) {
        if (c == '~') path += "~0";
        else if (c == '/') path += "~1";
        else path += c;
    }
}

/// As run(), but goes on after a failure and records where it failed.
void collect(const std::vector<SchemaProgram::Node>& nodes, int index, const json::value& v, std::string& path,
             std::vector<std::string>& out) {
    const SchemaProgram::Node* n = &nodes[static_cast<std::size_t>(index)];
    while (n->ref >= 0) n = &nodes[static_cast<std::size_t>(n->ref)];
    const std::uint8_t types = value_types(v);
    bool here = n->always_false || (n->types && !(n->types & types)) ||
                (n->has_enum && std::find(n->enum_values.begin(), n->enum_values.end(), v) == n->enum_values.end()) ||
                (n->const_value && !(*n->const_value == v));
    if (types & t_number)
        here = here || (v.is_uint64() && (n->minimum || n->maximum)) || (n->minimum && n->minimum->compare(v) < 0) ||
               (n->maximum && n->maximum->compare(v) > 0);
    if (types & t_string) {
        const std::string_view s = v.get_string();
        here = here || (n->max_length && code_points(s) > *n->max_length);
        for (const auto& p : n->patterns) here = here || !p.search(s);
    }
    if (types & t_object) {
        const json::object& o = v.get_object();
        for (const std::string& k : n->required) here = here || !o.contains(k);
        std::size_t next = 0;
        for (const auto& kv : o) {
            const std::string_view key = kv.key();
            const std::size_t j = property_of(*n, key, next);
            const int child = j < n->properties.size() ? n->properties[j].second : n->additional;
            if (child < 0) {
                here = here || n->no_additional;  // valijson says so at the object
                continue;
            }
            const std::size_t size = path.size();
            append_token(path, key);
            collect(nodes, child, kv.value(), path, out);
            path.resize(size);
        }
        for (const auto& dep : n->dependencies) {
            if (!o.contains(dep.key)) continue;
            if (dep.schema >= 0) here = here || !run(nodes, dep.schema, v);
            for (const std::string& k : dep.names) here = here || !o.contains(k);
        }
    }
    for (int s : n->all_of) collect(nodes, s, v, path, out);
    if (!n->any_of.empty())
        here = here || std::none_of(n->any_of.begin(), n->any_of.end(), [&](int s) { return run(nodes, s, v); });
    if (n->not_ >= 0) here = here || run(nodes, n->not_, v);
    if (n->if_ >= 0) {
        const int branch = run(nodes, n->if_, v) ? n->then_ : n->else_;
        if (branch >= 0) collect(nodes, branch, v, path, out);
    }
    if (here) out.push_back(path);
}

}  // namespace

std::vector<std::string> SchemaProgram::failures(const json::value& doc) const {
    std::vector<std::string> out;
    std::string path;
    collect(nodes_, 0, doc, path, out);
    return out;
}

SchemaProgram::SchemaProgram(const json::value& schema) {
    Compiler c(schema, nodes_);
    c.compile(schema);  // the root is node 0
}
SchemaProgram::~SchemaProgram() = default;
SchemaProgram::SchemaProgram(SchemaProgram&&) noexcept = default;
SchemaProgram& SchemaProgram::operator=(SchemaProgram&&) noexcept = default;

bool SchemaProgram::accepts(const json::value& doc) const { return run(nodes_, 0, doc); }

const SchemaProgram& report_schema_program() {
    static const SchemaProgram program(report_schema());  // thread-safe initialisation; read-only afterwards
    return program;
}

// ---------------------------------------------------------------- the valijson reference

namespace {

const valijson::Schema& valijson_schema() {
    struct Compiled {
        valijson::Schema schema;
        Compiled() {
            valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
            valijson::adapters::BoostJsonAdapter adapter(report_schema());
            parser.populateSchema(adapter, schema);
        }
    };
    static const Compiled compiled;
    return compiled.schema;
}

/// valijson's context ("<root>", "[applications]", "[granted]") as a JSON Pointer.
std::string to_pointer(const std::vector<std::string>& context) {
    std::string p;
    for (const std::string& part : context) {
        if (part == "<root>") continue;
        std::string_view name = part;
        if (name.size() >= 2 && name.front() == '[' && name.back() == ']') name = name.substr(1, name.size() - 2);
        p += '/';
        for (char c : name) {
            if (c == '~') p += "~0";
            else if (c == '/') p += "~1";
            else p += c;
        }
    }
    return p;
}

bool is_summary(const std::string& description) {
    // valijson reports a failure at every level above the one that failed; keep the leaves.
    return description.rfind("Failed to validate against", 0) == 0 || description.rfind("Failed to validate item", 0) == 0;
}

}  // namespace

bool valijson_accepts(const json::value& doc, std::vector<SchemaError>* errors) {
    valijson::Validator validator;
    valijson::adapters::BoostJsonAdapter target(doc);
    if (!errors) return validator.validate(valijson_schema(), target, nullptr);
    valijson::ValidationResults results;
    const bool ok = validator.validate(valijson_schema(), target, &results);
    valijson::ValidationResults::Error e;
    while (results.popError(e))
        if (!is_summary(e.description)) errors->push_back({to_pointer(e.context), e.description});
    return ok;
}

}  // namespace ogi::detail
