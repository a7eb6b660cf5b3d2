// Internal: the report's metadata and narrative, from its lines of text. The agency and year come
// from the title (<agency><year>年(度)政府信息公开(工作)年度报告, over two lines, with the year first,
// or 关于…的年度报告 under the agency's name), else from the statistics period and the opening lines
// of 一、总体情况; the agency kind from the name's ending; published_on from the signature (落款)
// that closes the report; sections 一, 五 and 六 go to the narrative, a line per paragraph.
#pragma once

#include <ogi/model/report.hpp>

#include <string_view>
#include <vector>

namespace ogi::read {

void read_metadata(const std::vector<std::string_view>& lines, Report& r);

}  // namespace ogi::read
