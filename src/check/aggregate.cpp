// 汇总: the cell-by-cell sum of several reports (aggregate) and its check (OGI-A-SUM).
#include <ogi/check/aggregate.hpp>
#include <ogi/form/rules.hpp>

#include "form/rule_diagnostic.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

namespace ogi {
namespace {

using detail::rule_diagnostic;

/// Counts stay within 2^53-1, so that every JSON reader holds them exactly (report-json.md).
constexpr std::int64_t max_count = 9007199254740991;

std::string part_name(std::span<const Report> parts, std::size_t i) {
    return fmt::format("parts[{}] ({})", i, parts[i].agency.name.empty() ? "no agency name" : parts[i].agency.name);
}

std::string layout_en(const Report& r) {
    return r.has_single_other() ? "the single row \"other\"" : "the three rows \"other_*\"";
}
std::string layout_zh(const Report& r) { return r.has_single_other() ? "单行“other”" : "三行“other_*”"; }

/// Throws unless `r` has the year, edition and layout of `first`; `who`/`who_zh` name `r`.
void require_same_shape(const Report& first, const Report& r, const std::string& who, const std::string& who_zh,
                        std::optional<std::size_t> part) {
    if (r.year != first.year || r.edition() != first.edition())
        throw NotAggregatable(
            fmt::format("cannot aggregate: {} is the {} report in edition {}, but parts[0] is the {} report in edition "
                        "{}; all parts must cover the same year in the same edition",
                        who, r.year, to_string(r.edition()), first.year, to_string(first.edition())),
            fmt::format("无法汇总：{}为{}年度、{}版报告，而parts[0]为{}年度、{}版报告；各报告须为同一年度、同一版本",
                        who_zh, r.year, to_string(r.edition()), first.year, to_string(first.edition())),
            part);
    if (r.has_single_other() != first.has_single_other())
        throw NotAggregatable(
            fmt::format("cannot aggregate: {} (year {}, edition {}) gives section 三（六）其他处理 as {}, but parts[0] as {}",
                        who, r.year, to_string(r.edition()), layout_en(r), layout_en(first)),
            fmt::format("无法汇总：{}（{}年度、{}版）的第三部分（六）其他处理为{}，而parts[0]为{}", who_zh, r.year,
                        to_string(r.edition()), layout_zh(r), layout_zh(first)),
            part);
}

std::string cell_text(const Column& col, const Cell& c) {
    if (!c.has_value()) return "—";
    switch (col.kind) {
    case CellKind::money: return c.money.to_string();
    case CellKind::unit: return col.words.at(static_cast<std::size_t>(c.number));
    default: return std::to_string(c.number);
    }
}

/// The parts' values of a cell, "4+3+—+1", for at most ten parts.
std::string terms(std::span<const Report> parts, const Column& col, CellIndex i) {
    if (parts.size() > 10) return fmt::format("{} parts", parts.size());
    std::vector<std::string> t;
    for (const Report& p : parts) t.push_back(cell_text(col, p.cells()[i]));
    return fmt::format("{}", fmt::join(t, "+"));
}

}  // namespace

AggregateResult aggregate(std::span<const Report> parts, const AggregateOptions& options) {
    if (parts.empty()) throw NotAggregatable("cannot aggregate: no reports given", "无法汇总：没有给出报告");
    const Report& first = parts.front();
    for (std::size_t p = 1; p < parts.size(); ++p)
        require_same_shape(first, parts[p], part_name(parts, p), part_name(parts, p), p);

    const Form& f = first.form();
    AggregateResult result{Report(first.edition()), {}};
    Report& sum = result.report;
    sum.year = first.year;
    sum.use_single_other(first.has_single_other());
    sum.agency.name = options.agency_name.empty() ? fmt::format("汇总（{}份报告）", parts.size()) : options.agency_name;
    sum.agency.kind = first.agency.kind;
    sum.agency.region = first.agency.region;
    boost::json::array names;
    for (const Report& p : parts) {
        if (p.agency.kind != sum.agency.kind) sum.agency.kind.reset();
        if (p.agency.region != sum.agency.region) sum.agency.region.reset();
        names.emplace_back(p.agency.name);
    }
    sum.source["aggregate_of"] = std::move(names);

    for (CellIndex i = 0; i < f.cells().size(); ++i) {
        const CellDef& def = f.cells()[i];
        const Column& col = f.column(def);
        Cell& out = sum.cells()[i];
        if (out.state == Cell::State::absent) continue;
        std::vector<std::size_t> blank;
        std::optional<std::size_t> first_value;
        for (std::size_t p = 0; p < parts.size(); ++p) {
            const Cell& c = parts[p].cells()[i];
            if (!c.has_value()) {
                blank.push_back(p);
                continue;
            }
            if (!first_value) {
                first_value = p;
                out = c;
                continue;
            }
            if (col.kind == CellKind::unit) {
                if (c.number != out.number)
                    throw NotAggregatable(
                        fmt::format("cannot aggregate: {} gives {} in {}, but {} in {}; convert the amounts to one unit "
                                    "first",
                                    def.pointer, cell_text(col, out), part_name(parts, *first_value),
                                    cell_text(col, c), part_name(parts, p)),
                        fmt::format("无法汇总：{}在{}中为{}，在{}中为{}；请先把金额换算为同一单位", def.pointer,
                                    part_name(parts, *first_value), cell_text(col, out), part_name(parts, p),
                                    cell_text(col, c)),
                        p);
                continue;
            }
            bool fits = true;
            if (col.kind == CellKind::money) {
                const auto s = Decimal::add(out.money, c.money);
                fits = s.has_value();
                if (s) out.money = *s;
            } else {
                fits = !__builtin_add_overflow(out.number, c.number, &out.number) && out.number <= max_count &&
                       out.number >= -max_count;
            }
            if (!fits)
                throw NotAggregatable(
                    fmt::format("cannot aggregate: the sum of {} ({}) is too large to hold exactly once {} is added",
                                def.pointer, f.cell_label(i), part_name(parts, p)),
                    fmt::format("无法汇总：{}（{}）加上{}后数值过大，无法精确保存", def.pointer, f.cell_label(i),
                                part_name(parts, p)),
                    p);
        }
        if (!first_value) {
            out = Cell{Cell::State::blank, 0, {}};
            continue;
        }
        if (col.kind == CellKind::unit) {
            // An amount given without its unit cannot be added to amounts in a known unit.
            const std::string amount = def.pointer.substr(0, def.pointer.rfind('/')) + "/amount";
            for (std::size_t p : blank)
                if (const Cell* a = parts[p].cell(amount); a && a->has_value())
                    throw NotAggregatable(
                        fmt::format("cannot aggregate: {} gives an amount without its unit ({} is blank), but other "
                                    "parts give {}",
                                    part_name(parts, p), def.pointer, cell_text(col, out)),
                        fmt::format("无法汇总：{}的金额没有单位（{}为空），而其他报告的单位为{}", part_name(parts, p),
                                    def.pointer, cell_text(col, out)),
                        p);
            continue;
        }
        if (blank.empty()) continue;
        std::vector<std::string> who;
        for (std::size_t k = 0; k < blank.size() && k < 10; ++k) who.push_back(part_name(parts, blank[k]));
        if (blank.size() > 10) who.push_back("…");
        Diagnostic d = rule_diagnostic(
            "OGI-C-BLANK", def.pointer,
            fmt::format("{} is blank in {} of the {} parts ({}); the sum, {}, adds up the other {}", f.cell_label(i),
                        blank.size(), parts.size(), fmt::join(who, ", "), cell_text(col, out), parts.size() - blank.size()),
            fmt::format("{}在{}份报告中为空（共{}份：{}）；汇总数{}为其余{}份之和", f.cell_label(i), blank.size(),
                        parts.size(), fmt::join(who, "、"), cell_text(col, out), parts.size() - blank.size()));
        result.notes.push_back(std::move(d));
    }
    return result;
}

ValidationResult check_aggregate(const Report& given, std::span<const Report> parts) {
    if (parts.empty()) throw NotAggregatable("cannot check the aggregate: no parts given", "无法核对汇总：没有给出分报告");
    require_same_shape(parts.front(), given, "the aggregate", "汇总报告", std::nullopt);
    AggregateResult sum = aggregate(parts);
    ValidationResult result;
    result.diagnostics = std::move(sum.notes);
    const Form& f = given.form();
    for (CellIndex i = 0; i < f.cells().size(); ++i) {
        const Cell& want = sum.report.cells()[i];
        const Cell& got = given.cells()[i];
        if (want.state == Cell::State::absent || want == got) continue;
        const CellDef& def = f.cells()[i];
        const Column& col = f.column(def);
        const std::string label = f.cell_label(i);
        if (!want.has_value() || !got.has_value()) {
            if (!want.has_value() && !got.has_value()) continue;
            result.diagnostics.push_back(
                !got.has_value()
                    ? rule_diagnostic("OGI-C-BLANK", def.pointer,
                                      fmt::format("sum (OGI-A-SUM) not checked: the aggregate leaves {} blank; the parts "
                                                  "add up to {} ({})",
                                                  label, cell_text(col, want), terms(parts, col, i)),
                                      fmt::format("汇总核对（OGI-A-SUM）未检查：汇总报告的{}为空；各报告之和为{}（{}）", label,
                                                  cell_text(col, want), terms(parts, col, i)))
                    : rule_diagnostic("OGI-C-BLANK", def.pointer,
                                      fmt::format("sum (OGI-A-SUM) not checked: {} is blank in every part, but the "
                                                  "aggregate gives {}",
                                                  label, cell_text(col, got)),
                                      fmt::format("汇总核对（OGI-A-SUM）未检查：{}在各报告中均为空，但汇总报告为{}", label,
                                                  cell_text(col, got))));
            continue;
        }
        if (col.kind != CellKind::money && want.number == got.number) continue;
        if (col.kind == CellKind::money && want.money == got.money) continue;
        Diagnostic d =
            col.kind == CellKind::unit
                ? rule_diagnostic("OGI-A-SUM", def.pointer,
                                  fmt::format("sum: the aggregate gives {} as {}, but the parts give {}", label,
                                              cell_text(col, got), cell_text(col, want)),
                                  fmt::format("汇总：汇总报告的{}为{}，但各报告为{}", label, cell_text(col, got),
                                              cell_text(col, want)))
                : rule_diagnostic("OGI-A-SUM", def.pointer,
                                  fmt::format("sum: {} is {} in the aggregate, but the {} parts add up to {} ({})", label,
                                              cell_text(col, got), parts.size(), cell_text(col, want),
                                              terms(parts, col, i)),
                                  fmt::format("汇总：汇总报告的{}为{}，但{}份报告之和为{}（{}）", label, cell_text(col, got),
                                              parts.size(), cell_text(col, want), terms(parts, col, i)));
        if (col.kind == CellKind::count || col.kind == CellKind::signed_count) {
            d.expected = want.number;
            d.actual = got.number;
        }
        result.diagnostics.push_back(std::move(d));
    }
    for (const Diagnostic& d : result.diagnostics)
        if (d.severity == Severity::error) result.valid = false;
    return result;
}

}  // namespace ogi
