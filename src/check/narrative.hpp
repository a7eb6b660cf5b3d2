// Internal: reading the numbers that a report's prose states, for the OGI-N-* rules.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ogi::detail {

/// "共收到政府信息公开申请4件（含上年结转1件）" → 4, includes_carried_over.
struct ApplicationStatement {
    std::int64_t count = 0;
    bool includes_carried_over = false;
    std::string quote;  ///< the words around the number
};
std::vector<ApplicationStatement> find_application_counts(std::string_view text);

/// "主动公开政府信息81条，其中机构职能类3条，规划计划类2条…" → 81 and {3, 2, …}.
struct ProactiveStatement {
    std::int64_t total = 0;
    std::vector<std::int64_t> parts;
    std::string quote;
};
std::vector<ProactiveStatement> find_proactive_totals(std::string_view text);

/// Both of the above, reading the text once.
struct NarrativeStatements {
    std::vector<ApplicationStatement> applications;
    std::vector<ProactiveStatement> proactive;
};
NarrativeStatements find_statements(std::string_view text);

}  // namespace ogi::detail
