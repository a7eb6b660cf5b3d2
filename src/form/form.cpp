// The two editions of the official form, as data, and the relations among their cells.
#include <ogi/form/form.hpp>
#include <ogi/form/regulation.hpp>

#include <fmt/format.h>

#include <stdexcept>

namespace ogi {
namespace {

using Strings = std::vector<std::string>;

Column count_col(std::string key, std::string label, Strings variants = {}) {
    return Column{std::move(key), std::move(label), CellKind::count, {}, std::move(variants), {}};
}

Row row(std::string key, std::string label, Strings variants = {}) {
    return Row{std::move(key), std::move(label), {}, {}, std::move(variants), RowLayout::always};
}

// ---- section 二, edition 2019 (国办公开办函〔2019〕60号) ----
Table proactive_2019() {
    const Strings previous_variants = {"上一年项目数", "上年项目数量"};
    const Strings change_variants = {"本年增减", "本年增/", "增/减"};
    const Strings decisions_variants = {"处理决定数", "本年处理决定数量"};
    auto items_columns = [&](bool with_decisions) {
        std::vector<Column> cols = {
            count_col("previous_items", "上一年项目数量", previous_variants),
            Column{"change", "本年增/减", CellKind::signed_count, {}, change_variants, {}},
        };
        if (with_decisions) cols.push_back(count_col("decisions", "处理决定数量", decisions_variants));
        return cols;
    };
    return Table{
        "proactive",
        "二、主动公开政府信息情况",
        {
            Block{"第二十条第（一）项", "信息内容",
                  {count_col("made", "本年新制作数量", {"本年新制作数"}),
                   count_col("published", "本年新公开数量", {"本年新公开数"}),
                   count_col("public_total", "对外公开总数量", {"对外公开总数"})},
                  {row("regulations", "规章"), row("normative_documents", "规范性文件")}},
            Block{"第二十条第（五）项", "信息内容", items_columns(true),
                  {row("licensing", "行政许可"), row("other_services", "其他对外管理服务事项")}},
            Block{"第二十条第（六）项", "信息内容", items_columns(true),
                  {row("punishment", "行政处罚"), row("coercion", "行政强制")}},
            Block{"第二十条第（八）项", "信息内容", items_columns(false),
                  {row("fees", "行政事业性收费")}},
            Block{"第二十条第（九）项", "信息内容",
                  {count_col("projects", "采购项目数量", {"采购项目数"}),
                   Column{"amount", "采购总金额", CellKind::money, {}, {"采购金额"}, {}},
                   Column{"amount_unit", "单位", CellKind::unit, {}, {}, {"yuan", "wan_yuan"}}},
                  {row("procurement", "政府集中采购")}},
        }};
}

// ---- section 二, edition 2021 (国办公开办函〔2021〕30号) ----
Table proactive_2021() {
    const Strings decisions_variants = {"处理决定数量", "本年处理决定数"};
    return Table{
        "proactive",
        "二、主动公开政府信息情况",
        {
            Block{"第二十条第（一）项", "信息内容",
                  {count_col("issued", "本年制发件数", {"本年制发数"}),
                   count_col("repealed", "本年废止件数", {"本年废止数"}),
                   count_col("in_force", "现行有效件数", {"现行有效件", "现行有效数"})},
                  {row("regulations", "规章"), row("normative_documents", "行政规范性文件", {"规范性文件"})}},
            Block{"第二十条第（五）项", "信息内容",
                  {count_col("decisions", "本年处理决定数量", decisions_variants)},
                  {row("licensing", "行政许可")}},
            Block{"第二十条第（六）项", "信息内容",
                  {count_col("decisions", "本年处理决定数量", decisions_variants)},
                  {row("punishment", "行政处罚"), row("coercion", "行政强制")}},
            Block{"第二十条第（八）项", "信息内容",
                  {Column{"amount_wan_yuan", "本年收费金额（单位：万元）", CellKind::money, {},
                          {"本年收费金额", "本年收费金额单位：万元"}, {}}},
                  {row("fees", "行政事业性收费")}},
        }};
}

// ---- section 三: the same in both editions, with both layouts of （六）其他处理 ----
Table applications() {
    std::vector<Column> cols;
    for (int i = 0; i < applicant_count; ++i) {
        const auto a = static_cast<Applicant>(i);
        Column c = count_col(std::string(key(a)), std::string(label(a)));
        if (a != Applicant::natural_person && a != Applicant::total) c.group = "法人或其他组织";
        if (a == Applicant::total) c.variants = {"合计"};
        cols.push_back(std::move(c));
    }
    std::vector<Row> rows;
    for (int i = 0; i < application_row_count; ++i) {
        const auto r = static_cast<ApplicationRow>(i);
        Row x = row(std::string(key(r)), std::string(label(r)));
        if (is_outcome(r) || r == ApplicationRow::total) x.number = "三、本年度办理结果";
        if (r >= ApplicationRow::withheld_state_secret && r <= ApplicationRow::withheld_administrative_query)
            x.group = "（三）不予公开";
        else if (r >= ApplicationRow::unable_not_held && r <= ApplicationRow::unable_still_unclear)
            x.group = "（四）无法提供";
        else if (r >= ApplicationRow::not_processed_complaint && r <= ApplicationRow::not_processed_confirmation)
            x.group = "（五）不予处理";
        else if (r >= ApplicationRow::other_overdue_correction && r <= ApplicationRow::other_reasons)
            x.group = "（六）其他处理";
        if (r == ApplicationRow::other) x.layout = RowLayout::single_other;
        if (x.group == "（六）其他处理") x.layout = RowLayout::split_other;
        if (r == ApplicationRow::total) x.variants = {"（七）合计", "七、总计", "总计"};
        if (r == ApplicationRow::carried_forward) x.variants = {"四、结转下一年度继续办理"};
        if (r == ApplicationRow::withheld_security_stability) x.variants = {"3.危及\"三安全一稳定\""};
        rows.push_back(std::move(x));
    }
    return Table{"applications",
                 "三、收到和处理政府信息公开申请情况",
                 {Block{"申请人情况",
                        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                        std::move(cols), std::move(rows)}}};
}

// ---- section 四: the same in both editions ----
Table reviews() {
    std::vector<Column> cols;
    for (int i = 0; i < review_result_count; ++i) {
        const auto r = static_cast<ReviewResult>(i);
        cols.push_back(count_col(std::string(key(r)), std::string(label(r))));
    }
    std::vector<Row> rows;
    for (int i = 0; i < review_group_count; ++i) {
        const auto g = static_cast<ReviewGroup>(i);
        Row x = row(std::string(key(g)), std::string(label(g)));
        if (g != ReviewGroup::administrative_review) x.group = "行政诉讼";
        rows.push_back(std::move(x));
    }
    return Table{"reviews", "四、政府信息公开行政复议、行政诉讼情况", {Block{"", "", std::move(cols), std::move(rows)}}};
}

// ---- relations: the arithmetic the form states or implies (form-reference.md §4) ----

CellIndex at(const Form& f, std::string_view t, std::string_view r, std::string_view c) {
    auto i = f.find(t, r, c);
    if (!i) throw std::logic_error(fmt::format("form has no cell /{}/{}/{}", t, r, c));
    return *i;
}

/// In each row of a block, `target` column = the sum of the other count columns.
void row_totals(Form& f, std::string_view table, std::string_view rule, std::string_view target,
                const char* what_en, const char* what_zh, const char* parts_en, const char* parts_zh) {
    const Table* t = f.table(table);
    for (const Block& b : t->blocks)
        for (const Row& r : b.rows) {
            Relation rel{rule, Comparison::equal, at(f, table, r.key, target), {}, {},
                         what_en, what_zh, parts_en, parts_zh};
            rel.lhs = {rel.target};
            for (const Column& c : b.columns)
                if (c.key != target && c.kind == CellKind::count) rel.rhs.push_back(at(f, table, r.key, c.key));
            f.add_relation(std::move(rel));
        }
}

void build_relations(Form& f) {
    const Table* apps = f.table("applications");
    const Block& ab = apps->blocks.front();

    row_totals(f, "applications", "OGI-T3-ROW-TOTAL", "total", "row total", "行合计", "the applicant columns",
               "六个申请人列之和");

    for (const Column& c : ab.columns) {
        Relation sum{"OGI-T3-SUM", Comparison::equal, at(f, "applications", "total", c.key), {}, {},
                     "outcome total", "办理结果总计", "the outcome rows （一） to （六）", "（一）至（六）各办理结果之和"};
        sum.lhs = {sum.target};
        for (int i = 0; i < application_row_count; ++i) {
            const auto r = static_cast<ApplicationRow>(i);
            if (is_outcome(r)) sum.rhs.push_back(at(f, "applications", key(r), c.key));
        }
        f.add_relation(std::move(sum));
    }

    for (const Column& c : ab.columns) {
        Relation bal{"OGI-T3-BALANCE", Comparison::equal, at(f, "applications", "carried_forward", c.key), {}, {},
                     "balance 一+二 = 三（七）+四", "勾稽关系（第一项加第二项之和等于第三项加第四项之和）",
                     "", ""};
        bal.lhs = {at(f, "applications", "new_received", c.key), at(f, "applications", "carried_over", c.key)};
        bal.rhs = {at(f, "applications", "total", c.key), bal.target};
        f.add_relation(std::move(bal));
    }

    row_totals(f, "reviews", "OGI-T4-TOTAL", "total", "group total", "分组合计", "结果维持 + 结果纠正 + 其他结果 + 尚未审结",
               "结果维持、结果纠正、其他结果、尚未审结之和");

    if (f.edition() == Edition::e2019) {
        for (const char* r : {"regulations", "normative_documents"}) {
            Relation rel{"OGI-T2-PUBLIC-TOTAL", Comparison::less_equal, at(f, "proactive", r, "public_total"), {}, {},
                         "publicly available total", "对外公开总数量", "", ""};
            rel.lhs = {at(f, "proactive", r, "published")};
            rel.rhs = {rel.target};
            f.add_relation(std::move(rel));
        }
        for (const char* r : {"licensing", "other_services", "punishment", "coercion", "fees"}) {
            Relation rel{"OGI-T2-ITEMS", Comparison::greater_equal, at(f, "proactive", r, "change"), {}, {},
                         "items this year", "本年项目数量", "", ""};
            rel.lhs = {at(f, "proactive", r, "previous_items"), rel.target};
            f.add_relation(std::move(rel));
        }
    }
}

Form make_form(Edition e) {
    Form f(e, {e == Edition::e2019 ? proactive_2019() : proactive_2021(), applications(), reviews()});
    build_relations(f);
    return f;
}

}  // namespace

std::string_view to_string(Edition e) { return e == Edition::e2019 ? "2019" : "2021"; }

std::optional<Edition> parse_edition(std::string_view s) {
    if (s == "2019") return Edition::e2019;
    if (s == "2021") return Edition::e2021;
    return std::nullopt;
}

Edition expected_edition(int year) { return year <= 2020 ? Edition::e2019 : Edition::e2021; }

Form::Form(Edition edition, std::vector<Table> tables) : edition_(edition), tables_(std::move(tables)) {
    for (std::size_t t = 0; t < tables_.size(); ++t)
        for (std::size_t b = 0; b < tables_[t].blocks.size(); ++b) {
            const Block& block = tables_[t].blocks[b];
            for (std::size_t r = 0; r < block.rows.size(); ++r)
                for (std::size_t c = 0; c < block.columns.size(); ++c) {
                    CellDef d{static_cast<std::uint16_t>(t), static_cast<std::uint16_t>(b),
                              static_cast<std::uint16_t>(r), static_cast<std::uint16_t>(c),
                              fmt::format("/{}/{}/{}", tables_[t].key, block.rows[r].key, block.columns[c].key)};
                    by_pointer_.emplace(d.pointer, static_cast<CellIndex>(cells_.size()));
                    cells_.push_back(std::move(d));
                }
        }
}

const Table* Form::table(std::string_view key) const {
    for (const Table& t : tables_)
        if (t.key == key) return &t;
    return nullptr;
}

const Row& Form::row(const CellDef& c) const { return tables_[c.table].blocks[c.block].rows[c.row]; }
const Column& Form::column(const CellDef& c) const { return tables_[c.table].blocks[c.block].columns[c.column]; }

std::optional<CellIndex> Form::find(std::string_view pointer) const {
    auto it = by_pointer_.find(pointer);
    if (it == by_pointer_.end()) return std::nullopt;
    return it->second;
}

std::optional<CellIndex> Form::find(std::string_view table, std::string_view row, std::string_view column) const {
    return find(fmt::format("/{}/{}/{}", table, row, column));
}

std::string Form::cell_label(CellIndex i) const {
    const CellDef& c = cells_[i];
    const Row& r = row(c);
    const Column& col = column(c);
    std::string out = r.group.empty() ? r.label : r.group + " " + r.label;
    return out + " — " + col.label;
}

const Form& form(Edition e) {
    static const Form f2019 = make_form(Edition::e2019);
    static const Form f2021 = make_form(Edition::e2021);
    return e == Edition::e2019 ? f2019 : f2021;
}

}  // namespace ogi
