// Test helpers: the bundled example reports, and running the validator on edited copies.
#pragma once

#include <ogi/ogi.hpp>

#include <boost/json.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace test {

inline std::string read_file(const std::string& relative) {
    std::ifstream in(std::string(OGI_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// The 2019-edition seed report (柳城街道 2020) and the 2021-edition 淮安 2024 report.
inline boost::json::value seed() { return boost::json::parse(read_file("examples/data/liucheng-2020.json")); }
inline boost::json::value huaian() { return boost::json::parse(read_file("examples/data/huaian-2024.json")); }

inline ogi::ValidationResult check(const boost::json::value& v, ogi::ValidateOptions o = {}) {
    return ogi::validate_json_text(boost::json::serialize(v), o);
}

/// How many diagnostics of a rule at a path.
inline std::size_t count(const ogi::ValidationResult& r, std::string_view rule, std::string_view path) {
    return static_cast<std::size_t>(std::count_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const ogi::Diagnostic& d) {
        return d.rule == rule && d.path == path;
    }));
}
inline std::size_t count(const ogi::ValidationResult& r, std::string_view rule) {
    return static_cast<std::size_t>(std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                                                  [&](const ogi::Diagnostic& d) { return d.rule == rule; }));
}

/// The value at a JSON Pointer, for editing.
inline boost::json::value& at(boost::json::value& v, std::string_view pointer) { return v.at_pointer(pointer); }

/// The object in `doc` that holds the member at `path` (a path from member_paths()).
inline boost::json::object& parent_of(boost::json::value& doc, const std::vector<std::string>& path) {
    boost::json::value* v = &doc;
    for (std::size_t i = 0; i + 1 < path.size(); ++i) v = &v->as_object()[path[i]];
    return v->as_object();
}

/// The path (keys from the root) of every member of every object in `v`, parents first.
inline std::vector<std::vector<std::string>> member_paths(const boost::json::value& v) {
    std::vector<std::vector<std::string>> paths;
    std::vector<std::string> path;
    auto walk = [&](auto& self, const boost::json::value& x) -> void {
        if (!x.is_object()) return;
        for (const auto& kv : x.get_object()) {
            path.emplace_back(kv.key());
            paths.push_back(path);
            self(self, kv.value());
            path.pop_back();
        }
    };
    walk(walk, v);
    return paths;
}

}  // namespace test
