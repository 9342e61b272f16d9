package org.tongban.supervision.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.tongban.supervision.Statistics;
import org.tongban.supervision.StatisticsRow;

/**
 * The statistics as a file: CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese names) or
 * XLSX (Apache POI's streaming writer; numbers as numbers, rates as percentages). A CSV text cell that a
 * spreadsheet would read as a formula (= + - @ at its start) is written with a leading apostrophe.
 */
final class StatisticsExport {

    private StatisticsExport() {
    }

    private record Column(String zh, String en, Function<StatisticsRow, Object> value, boolean percent) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("编码", "Code", StatisticsRow::code, false),
            new Column("名称", "Name", null, false),
            new Column("收件", "Received", StatisticsRow::received, false),
            new Column("受理", "Accepted", StatisticsRow::accepted, false),
            new Column("办结", "Concluded", StatisticsRow::concluded, false),
            new Column("按时办结率", "On-time rate", StatisticsRow::onTimeRate, true),
            new Column("平均用时（工作日）", "Average working days", StatisticsRow::averageWorkingDays, false),
            new Column("全程网办率", "Fully-online rate", StatisticsRow::fullyOnlineRate, true),
            new Column("补正率", "Correction rate", StatisticsRow::correctionRate, true),
            new Column("评价数", "Ratings", StatisticsRow::ratings, false),
            new Column("平均评价", "Average rating", StatisticsRow::averageRating, false),
            new Column("差评数", "Bad ratings", StatisticsRow::badRatings, false));

    private static List<StatisticsRow> lines(Statistics.Report report) {
        var all = new ArrayList<>(report.rows());
        all.add(report.total());
        return all;
    }

    private static Object value(Column c, StatisticsRow row, boolean en) {
        return c.value() == null ? (en ? row.nameEn() : row.nameZh()) : c.value().apply(row);
    }

    static byte[] csv(Statistics.Report report, boolean en) {
        var out = new StringBuilder("\uFEFF");
        out.append(String.join(",", COLUMNS.stream().map(c -> cell(en ? c.en() : c.zh())).toList())).append("\r\n");
        for (StatisticsRow row : lines(report)) {
            var cells = new ArrayList<String>();
            for (Column c : COLUMNS) {
                Object v = value(c, row, en);
                cells.add(v == null ? "" : v instanceof String s ? cell(s) : String.valueOf(v));
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A quoted CSV text cell, defused if a spreadsheet would take it for a formula. */
    private static String cell(String text) {
        return "\"" + defused(text).replace("\"", "\"\"") + "\"";
    }

    private static String defused(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    static byte[] xlsx(Statistics.Report report, boolean en) throws IOException {
        try (var book = new SXSSFWorkbook(100)) {
            var sheet = book.createSheet(en ? "Statistics" : "办件统计");
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
            CellStyle decimal = book.createCellStyle();
            decimal.setDataFormat(book.createDataFormat().getFormat("0.00"));
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue((en ? "Period " : "统计期间 ") + report.from() + " – " + report.to());
            Row head = sheet.createRow(1);
            for (int i = 0; i < COLUMNS.size(); i++) {
                head.createCell(i).setCellValue(en ? COLUMNS.get(i).en() : COLUMNS.get(i).zh());
            }
            int r = 2;
            for (StatisticsRow line : lines(report)) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    Column c = COLUMNS.get(i);
                    Object v = value(c, line, en);
                    var cell = row.createCell(i);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                        if (v instanceof Double) {
                            cell.setCellStyle(c.percent() ? percent : decimal);
                        }
                    } else if (v != null) {
                        cell.setCellValue(v.toString()); // a string cell is never evaluated as a formula
                    }
                }
            }
            var bytes = new ByteArrayOutputStream();
            book.write(bytes);
            return bytes.toByteArray();
        }
    }
}
