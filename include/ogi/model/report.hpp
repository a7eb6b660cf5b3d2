// ogi — one agency's annual report: metadata, the cells of the three tables, narrative.
#pragma once

#include <ogi/base/decimal.hpp>
#include <ogi/form/form.hpp>
#include <ogi/form/regulation.hpp>

#include <boost/json/fwd.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogi {

/// A calendar date as printed under a report (落款日期). Kept as given: an impossible date such
/// as 2021-02-30 is representable, so that the validator can say so instead of losing it.
struct Date {
    int year = 0, month = 0, day = 0;
    /// Reads "YYYY-MM-DD" (digits only); nothing for another shape.
    static std::optional<Date> parse(std::string_view text);
    [[nodiscard]] bool is_real() const;  ///< a day that exists in the Gregorian calendar
    [[nodiscard]] std::string to_string() const;
    friend auto operator<=>(const Date&, const Date&) = default;
};

struct Agency {
    std::string name;
    std::optional<AgencyKind> kind;
    std::optional<std::string> region;
    friend bool operator==(const Agency&, const Agency&) = default;
};

/// Free text of the sections outside the tables.
struct Narrative {
    std::optional<std::string> overview;       ///< 一、总体情况
    std::optional<std::string> problems;       ///< 五、存在的主要问题及改进情况
    std::optional<std::string> other_matters;  ///< 六、其他需要报告的事项
    friend bool operator==(const Narrative&, const Narrative&) = default;
};

/// A cell's content. Blank is not zero: a cell the report left blank or filled with a
/// placeholder (/, -, 无) is `blank`. `absent` marks the cells of a row the report's layout
/// does not have (the other （六）其他处理 layout).
struct Cell {
    enum class State : std::uint8_t { absent, blank, value };
    State state = State::absent;
    std::int64_t number = 0;  ///< count, signed count, or the index of a unit word
    Decimal money;            ///< for CellKind::money

    [[nodiscard]] bool has_value() const { return state == State::value; }
    friend bool operator==(const Cell&, const Cell&) = default;
};

/// One report. Its cells follow the form of its edition: `cells[i]` is `form().cells()[i]`.
class Report {
public:
    /// An empty report of an edition: every cell blank, section 三（六） in the edition's layout.
    explicit Report(Edition edition = Edition::e2021);

    Edition edition() const { return edition_; }
    const Form& form() const { return ogi::form(edition_); }

    int year = 0;
    Agency agency;
    std::optional<std::string> published_on;  ///< "YYYY-MM-DD" as given
    Narrative narrative;
    boost::json::object source;  ///< where the data came from; free keys

    std::vector<Cell>& cells() { return cells_; }
    const std::vector<Cell>& cells() const { return cells_; }

    /// The cell at a JSON Pointer ("/applications/granted/total"); nullptr if the form has none.
    Cell* cell(std::string_view pointer);
    const Cell* cell(std::string_view pointer) const;

    /// Section 三 and 四 counts; nothing when blank or absent.
    std::optional<std::int64_t> count(ApplicationRow row, Applicant column) const;
    std::optional<std::int64_t> count(ReviewGroup group, ReviewResult result) const;
    void set(ApplicationRow row, Applicant column, std::optional<std::int64_t> value);
    void set(ReviewGroup group, ReviewResult result, std::optional<std::int64_t> value);

    /// Whether section 三（六） uses the single row (`other`) or the three `other_*` rows.
    bool has_single_other() const;
    /// Switches section 三（六） to the single-row or the three-row layout (cells become blank).
    void use_single_other(bool single);

    friend bool operator==(const Report&, const Report&) = default;

private:
    Edition edition_;
    std::vector<Cell> cells_;
};

// Boost.JSON conversions (report-json.md). value_to<Report> throws std::invalid_argument
// naming the first problem (with its JSON Pointer) when the value is not a valid report;
// use ogi::validate() to get every problem as diagnostics instead.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& out, const Report& r);
Report tag_invoke(const boost::json::value_to_tag<Report>&, const boost::json::value& in);

}  // namespace ogi
