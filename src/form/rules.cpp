// The rule catalogue (docs/rules.md documents each; a test keeps the two in step).
#include <ogi/form/rules.hpp>

#include <array>

namespace ogi {
namespace {

constexpr std::array catalogue = {
    RuleInfo{"OGI-S-JSON", Severity::error, RuleScope::document,
             "the file is valid JSON (UTF-8, no duplicate keys, within the nesting and string-length limits)",
             "文件是有效的JSON（UTF-8编码、无重复键、不超出嵌套层数和字符串长度上限）", "RFC 8259"},
    RuleInfo{"OGI-S-SCHEMA", Severity::error, RuleScope::document,
             "the document matches the JSON Schema of its edition: required keys present, no unknown keys, "
             "integers where counts are, counts >= 0, no row of the other edition",
             "文档符合所属版本的JSON Schema：必需的键齐全、无未知键、数量为非负整数、无另一版本的行",
             "report-json.md"},
    RuleInfo{"OGI-S-EXACT", Severity::error, RuleScope::document,
             "a money amount written as a JSON number has at most 18 significant digits, so that it is kept exact "
             "(never rounded)",
             "以JSON数字书写的金额至多18位有效数字，以便精确保存（绝不舍入）", "report-json.md: money is exact"},
    RuleInfo{"OGI-T2-PUBLIC-TOTAL", Severity::warning, RuleScope::document,
             "edition 2019: 本年新公开数量 <= 对外公开总数量 for 规章 and 规范性文件",
             "2019版：规章、规范性文件的本年新公开数量不大于对外公开总数量",
             "国办公开办函〔2019〕60号 表二 第二十条第（一）项"},
    RuleInfo{"OGI-T2-ITEMS", Severity::error, RuleScope::document,
             "edition 2019: 上一年项目数量 + 本年增/减 >= 0",
             "2019版：上一年项目数量加本年增/减不小于0", "国办公开办函〔2019〕60号 表二 第二十条第（五）（六）（八）项"},
    RuleInfo{"OGI-T3-ROW-TOTAL", Severity::error, RuleScope::document,
             "in every row of section 三, 总计 = the sum of the six applicant columns",
             "第三部分每一行的总计等于六类申请人之和", "表三 申请人情况 总计"},
    RuleInfo{"OGI-T3-SUM", Severity::error, RuleScope::document,
             "in every column of section 三, （七）总计 = the sum of the outcome rows （一） to （六）",
             "第三部分每一列的（七）总计等于（一）至（六）各办理结果之和", "表三 三、本年度办理结果"},
    RuleInfo{"OGI-T3-BALANCE", Severity::error, RuleScope::document,
             "in every column of section 三, 一 + 二 = 三（七）总计 + 四 (the form's own 勾稽 note)",
             "第三部分每一列：第一项加第二项之和等于第三项（七）总计加第四项之和",
             "表三 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"},
    RuleInfo{"OGI-T4-TOTAL", Severity::error, RuleScope::document,
             "in each group of section 四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
             "第四部分每组的总计等于结果维持、结果纠正、其他结果、尚未审结之和", "表四"},
    RuleInfo{"OGI-C-BLANK", Severity::info, RuleScope::document,
             "a cell that a sum or comparison needs is blank: that check is skipped (or, with blanks read as "
             "zero, run with 0 and noted)",
             "某项求和或比较所需的单元格为空：该项检查跳过（若选择空白按0计，则按0检查并注明）",
             "report-json.md: blank is not zero"},
    RuleInfo{"OGI-M-VARIANT", Severity::warning, RuleScope::document,
             "the layout fits the edition: section 三（六）其他处理 has one row in edition 2019 and three in edition 2021",
             "版式与版本一致：第三部分（六）其他处理在2019版为一行，在2021版为三行", "国办公开办函〔2021〕30号"},
    RuleInfo{"OGI-M-EDITION", Severity::warning, RuleScope::document,
             "the edition fits the year: \"2019\" for the years 2019-2020, \"2021\" from 2021 on",
             "版本与年度一致：2019、2020年度用2019版，2021年度起用2021版",
             "国办公开办函〔2019〕60号, 〔2021〕30号"},
    RuleInfo{"OGI-M-DATE", Severity::error, RuleScope::document,
             "published_on is a real date after the year it covers (error), and not after the Article 49 "
             "deadline: 1月31日 of the next year for departments, 3月31日 otherwise (warning)",
             "落款日期是真实日期且晚于所报告年度（否则为错误），且不晚于第四十九条规定的期限：政府部门为次年1月31日，其他为次年3月31日（否则为警告）",
             "《政府信息公开条例》第四十九条"},
    RuleInfo{"OGI-N-APPLICATIONS", Severity::warning, RuleScope::document,
             "where the narrative states how many applications were received, the number equals "
             "new_received/total (or new_received + carried_over, if the sentence says so)",
             "正文所述收到申请数等于本年新收申请总计（正文写明含上年结转的，等于新收加结转）",
             "《政府信息公开条例》第五十条"},
    RuleInfo{"OGI-N-PROACTIVE-SUM", Severity::warning, RuleScope::document,
             "where the narrative gives a total of proactively disclosed items and its parts, the parts add up "
             "to the total",
             "正文给出主动公开信息总数及其分项的，分项之和等于总数", "《政府信息公开条例》第五十条"},
    RuleInfo{"OGI-X-CARRY", Severity::error, RuleScope::pair,
             "comparing two consecutive years of one agency: this year's 二、上年结转 = last year's 四、结转下年度继续办理, "
             "column by column",
             "同一机关相邻两年的报告：本年的二、上年结转政府信息公开申请数量逐列等于上年的四、结转下年度继续办理",
             "表三 二、上年结转政府信息公开申请数量；四、结转下年度继续办理"},
    RuleInfo{"OGI-X-IN-FORCE", Severity::warning, RuleScope::pair,
             "two consecutive edition-2021 reports: this year's 现行有效件数 = last year's 现行有效件数 + this year's "
             "本年制发件数 - this year's 本年废止件数, for 规章 and 行政规范性文件",
             "相邻两年的2021版报告：规章、行政规范性文件本年的现行有效件数等于上年的现行有效件数加本年制发件数减本年废止件数",
             "国办公开办函〔2021〕30号 表二 第二十条第（一）项"},
    RuleInfo{"OGI-X-ITEMS", Severity::warning, RuleScope::pair,
             "two consecutive edition-2019 reports: this year's 上一年项目数量 = last year's 上一年项目数量 + last year's "
             "本年增/减",
             "相邻两年的2019版报告：本年的上一年项目数量等于上年的上一年项目数量加上年的本年增/减",
             "国办公开办函〔2019〕60号 表二 第二十条第（五）（六）（八）项"},
    RuleInfo{"OGI-A-SUM", Severity::error, RuleScope::aggregate,
             "an aggregate report (汇总) equals the cell-by-cell sum of the reports it was built from",
             "汇总报告的每个单元格等于各分报告对应单元格之和", "《政府信息公开条例》第五十条; report-json.md"},
    // Reading published reports (ogi extract; docs/extract.md).
    RuleInfo{"OGI-E-FORMAT", Severity::error, RuleScope::extraction,
             "the input is a kind of file ogi reads: text, HTML, PDF or DOCX (a .doc, .wps, spreadsheet, image or other "
             "binary file is refused with the conversion to make)",
             "输入为ogi可读取的文件类型：文本、HTML、PDF或DOCX（.doc、.wps、表格、图片等其他二进制文件不予读取，并说明应如何转换）",
             "docs/extract.md"},
    RuleInfo{"OGI-E-NO-TABLES", Severity::error, RuleScope::extraction,
             "the input has a table of the report form", "输入中有年报格式的表格", "docs/extract.md"},
    RuleInfo{"OGI-E-MISSING", Severity::warning, RuleScope::extraction,
             "every table and row of the form is found in the input", "表格的每个部分和每一行都能在输入中找到",
             "docs/extract.md"},
    RuleInfo{"OGI-E-TRUNCATED", Severity::warning, RuleScope::extraction,
             "every cell of the form is found: the input does not stop early", "表格的每个单元格都能找到：输入未中途截断",
             "docs/extract.md"},
    RuleInfo{"OGI-E-AMBIGUOUS", Severity::warning, RuleScope::extraction,
             "digits that ran together split only one way that fits the form's arithmetic (else the cell is left "
             "blank and the candidates are listed)",
             "连在一起的数字只有一种符合表格勾稽关系的拆分（否则该单元格留空并列出所有可能）", "docs/extract.md"},
    RuleInfo{"OGI-E-UNREADABLE", Severity::warning, RuleScope::extraction,
             "every cell and row can be read as the form needs (whole non-negative counts, values that fit the row)",
             "每个单元格和每一行都能按表格要求读取（非负整数、数值个数与该行相符）", "docs/extract.md"},
    RuleInfo{"OGI-E-ANNOTATED", Severity::info, RuleScope::extraction,
             "a cell with a unit, sign or note (251000元, +22, 22（其中修订16件）) was read, and this says as what",
             "带单位、符号或注释的单元格已读取，并注明读取结果", "docs/extract.md"},
    RuleInfo{"OGI-E-LAYOUT", Severity::info, RuleScope::extraction,
             "a stretch of section 三 given column by column was read so, as the row totals show",
             "第三部分按列排列的数值已按列读取（由各行合计确定）", "docs/extract.md"},
    RuleInfo{"OGI-E-NARRATIVE", Severity::info, RuleScope::extraction,
             "the report's own text fixed how digits that ran together split", "报告正文所述数字确定了连在一起的数字的拆分",
             "docs/extract.md"},
    RuleInfo{"OGI-E-MIXED", Severity::warning, RuleScope::extraction,
             "section 二 and section 三（六） follow the same edition of the form",
             "第二部分与第三部分（六）采用同一版本的格式", "国办公开办函〔2021〕30号"},
    RuleInfo{"OGI-E-SECOND", Severity::warning, RuleScope::extraction,
             "the input holds one report: no heading of sections 一 to 四 comes a second time",
             "输入中只有一份年报：第一至第四部分的标题都不重复出现", "docs/extract.md"},
    RuleInfo{"OGI-E-ENCODING", Severity::info, RuleScope::extraction,
             "the input is UTF-8 (GB18030 is read and said; invalid bytes are replaced and said, as a warning)",
             "输入为UTF-8编码（GB18030按此读取并注明；无效字节被替换并警告）", "docs/extract.md"},
};

}  // namespace

std::span<const RuleInfo> rules() { return catalogue; }

std::string_view to_string(RuleScope s) {
    switch (s) {
    case RuleScope::document: return "document";
    case RuleScope::pair: return "pair";
    case RuleScope::aggregate: return "aggregate";
    case RuleScope::extraction: return "extraction";
    }
    return "document";
}

const RuleInfo* find_rule(std::string_view id) {
    for (const RuleInfo& r : catalogue)
        if (r.id == id) return &r;
    return nullptr;
}

}  // namespace ogi
