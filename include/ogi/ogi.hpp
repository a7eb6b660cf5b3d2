// ogi — Open Government Information annual reports (政府信息公开工作年度报告).
// One include for the whole public interface.
#pragma once

#include <ogi/aggregate.hpp>
#include <ogi/compare.hpp>
#include <ogi/decimal.hpp>
#include <ogi/diagnostic.hpp>
#include <ogi/export.hpp>
#include <ogi/form.hpp>
#include <ogi/json.hpp>
#include <ogi/regulation.hpp>
#include <ogi/render.hpp>
#include <ogi/report.hpp>
#include <ogi/rules.hpp>
#include <ogi/validate.hpp>
