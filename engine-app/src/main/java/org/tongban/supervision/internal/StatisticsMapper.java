package org.tongban.supervision.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** Counts per item over [from, to): each a GROUP BY on an indexed time column. */
@Mapper
public interface StatisticsMapper {

    /** A count per item; the other sums are filled by the queries that have them. */
    class Count {
        public String itemCode;
        public long count;
        public long onTime;
        public long days;
        public long online;
        public long levelSum;
        public long bad;
    }

    @Select("SELECT item_code, COUNT(*) AS count FROM tb_case WHERE submitted_at >= #{from} AND submitted_at < #{to} "
            + "AND case_number IS NOT NULL GROUP BY item_code")
    List<Count> received(Instant from, Instant to);

    /** Cases received in the period that were asked for a correction (补正) at least once. */
    @Select("SELECT c.item_code, COUNT(*) AS count FROM tb_case c WHERE c.submitted_at >= #{from} AND c.submitted_at < #{to} "
            + "AND c.case_number IS NOT NULL AND EXISTS (SELECT 1 FROM tb_case_event e WHERE e.case_id = c.id "
            + "AND e.action = 'REQUEST_CORRECTION') GROUP BY c.item_code")
    List<Count> corrected(Instant from, Instant to);

    @Select("SELECT item_code, COUNT(*) AS count FROM tb_case WHERE accepted_at >= #{from} AND accepted_at < #{to} GROUP BY item_code")
    List<Count> accepted(Instant from, Instant to);

    /** 办结: granted or refused in the period. */
    @Select("SELECT item_code, COUNT(*) AS count FROM tb_case WHERE concluded_at >= #{from} AND concluded_at < #{to} "
            + "AND status IN ('GRANTED', 'REFUSED') GROUP BY item_code")
    List<Count> concluded(Instant from, Instant to);

    @Select("SELECT item_code, COUNT(*) AS count, SUM(CASE WHEN on_time THEN 1 ELSE 0 END) AS on_time, "
            + "SUM(used_working_days) AS days, SUM(CASE WHEN fully_online THEN 1 ELSE 0 END) AS online "
            + "FROM tb_case_outcome WHERE concluded_at >= #{from} AND concluded_at < #{to} GROUP BY item_code")
    List<Count> outcomes(Instant from, Instant to);

    /** Ratings given in the period: how many, the sum of their levels and the bad ones (level 1-2). */
    @Select("SELECT item_code, COUNT(*) AS count, SUM(rating_level) AS level_sum, "
            + "SUM(CASE WHEN rating_level <= 2 THEN 1 ELSE 0 END) AS bad "
            + "FROM tb_rating WHERE rated_at >= #{from} AND rated_at < #{to} GROUP BY item_code")
    List<Count> ratings(Instant from, Instant to);
}
