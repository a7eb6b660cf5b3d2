// Internal: the one reader of report JSON, shared by value_to<Report> (strict) and the
// validator (lenient: it reads what it can and marks what it could not).
#pragma once

#include <ogi/model/report.hpp>

#include <boost/json/value.hpp>

#include <string>
#include <unordered_map>
#include <vector>

namespace ogi::detail {

using NumberText = std::unordered_map<std::string, std::string>;

struct ReadProblem {
    std::string pointer;
    std::string what_en;
    std::string what_zh;
};

struct ReadOutcome {
    std::optional<Report> report;      ///< nothing when not even the edition could be read
    std::vector<ReadProblem> problems; ///< everything that does not fit the contract
    std::vector<CellIndex> unreadable; ///< cells whose value could not be used (left blank)
    std::vector<std::string> inexact;  ///< money numbers with more digits than ogi keeps exactly
    bool year_read = false;
};

ReadOutcome read_report(const boost::json::value& v, const NumberText* number_text);

}  // namespace ogi::detail
