package org.tongban.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ServiceItem;
import org.tongban.identity.Department;
import org.tongban.identity.Directory;
import org.tongban.shared.ChinaTime;
import org.tongban.supervision.internal.StatisticsMapper;
import org.tongban.supervision.internal.StatisticsMapper.Count;
import org.tongban.timelimits.CaseOutcomes;

/**
 * The statistics of a period (both days included, China time), per item or per department (the item's
 * responsible department), with a total line. Counted by SQL over the case, outcome and rating tables.
 */
@Service
public class Statistics {

    public enum By { ITEM, DEPARTMENT }

    /** The period, the grouping, a line per item or department that had anything in the period, and the total. */
    public record Report(LocalDate from, LocalDate to, By by, List<StatisticsRow> rows, StatisticsRow total) {
    }

    private final StatisticsMapper mapper;
    private final CaseOutcomes outcomes;
    private final Catalogue catalogue;
    private final Directory directory;

    Statistics(StatisticsMapper mapper, CaseOutcomes outcomes, Catalogue catalogue, Directory directory) {
        this.mapper = mapper;
        this.outcomes = outcomes;
        this.catalogue = catalogue;
        this.directory = directory;
    }

    public Report report(LocalDate from, LocalDate to, By by) {
        Instant start = from.atStartOfDay(ChinaTime.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
        outcomes.fill(start, end);
        var received = byItem(mapper.received(start, end));
        var corrected = byItem(mapper.corrected(start, end));
        var accepted = byItem(mapper.accepted(start, end));
        var concluded = byItem(mapper.concluded(start, end));
        var timed = byItem(mapper.outcomes(start, end));
        var rated = byItem(mapper.ratings(start, end));
        var codes = new java.util.TreeSet<String>();
        List.of(received, corrected, accepted, concluded, timed, rated).forEach(m -> codes.addAll(m.keySet()));

        Function<String, String> group = by == By.ITEM ? code -> code
                : code -> catalogue.find(code).map(ServiceItem::department).orElse("?");
        var sums = new LinkedHashMap<String, Sum>();
        var total = new Sum();
        for (String code : codes) {
            Sum line = sums.computeIfAbsent(group.apply(code), k -> new Sum());
            for (Sum s : List.of(line, total)) {
                s.received += n(received.get(code), c -> c.count);
                s.corrected += n(corrected.get(code), c -> c.count);
                s.accepted += n(accepted.get(code), c -> c.count);
                s.concluded += n(concluded.get(code), c -> c.count);
                s.timed += n(timed.get(code), c -> c.count);
                s.onTime += n(timed.get(code), c -> c.onTime);
                s.days += n(timed.get(code), c -> c.days);
                s.online += n(timed.get(code), c -> c.online);
                s.ratings += n(rated.get(code), c -> c.count);
                s.ratingSum += n(rated.get(code), c -> c.levelSum);
                s.bad += n(rated.get(code), c -> c.bad);
            }
        }
        Map<String, Department> departments = new HashMap<>();
        directory.departments().forEach(d -> departments.put(d.code(), d));
        var rows = new ArrayList<StatisticsRow>();
        sums.forEach((code, s) -> {
            String zh = code;
            String en = code;
            if (by == By.ITEM) {
                var item = catalogue.find(code);
                zh = item.map(i -> i.name().zh()).orElse(code);
                en = item.map(i -> i.name().en()).orElse(code);
            } else if (departments.containsKey(code)) {
                zh = departments.get(code).nameZh();
                en = departments.get(code).nameEn();
            }
            rows.add(s.row(code, zh, en));
        });
        return new Report(from, to, by, rows, total.row("TOTAL", "合计", "Total"));
    }

    private static Map<String, Count> byItem(List<Count> counts) {
        var map = new HashMap<String, Count>();
        counts.forEach(c -> map.put(c.itemCode, c));
        return map;
    }

    private static long n(Count c, java.util.function.ToLongFunction<Count> field) {
        return c == null ? 0 : field.applyAsLong(c);
    }

    private static final class Sum {
        long received, corrected, accepted, concluded, timed, onTime, days, online, ratings, ratingSum, bad;

        StatisticsRow row(String code, String zh, String en) {
            return new StatisticsRow(code, zh, en, received, accepted, concluded, timed, ratio(onTime, timed),
                    ratio(days, timed), ratio(online, timed), ratio(corrected, received), ratings, ratio(ratingSum, ratings), bad);
        }

        private static Double ratio(long a, long b) {
            return b == 0 ? null : Math.round(a * 10000.0 / b) / 10000.0;
        }
    }
}
