package org.tongban.calendar.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface CalendarMapper {

    record YearRow(int calendarYear, String source, Instant updatedAt, String updatedBy) {
    }

    record DayRow(LocalDate calendarDate, String kind, String name) {
    }

    @Select("SELECT calendar_year, source, updated_at, updated_by FROM tb_calendar_year ORDER BY calendar_year")
    List<YearRow> years();

    @Select("SELECT calendar_year, source, updated_at, updated_by FROM tb_calendar_year WHERE calendar_year = #{year}")
    YearRow year(int year);

    @Select("SELECT calendar_date, kind, name FROM tb_calendar_day WHERE calendar_year = #{year} ORDER BY calendar_date")
    List<DayRow> days(int year);

    @Insert("INSERT INTO tb_calendar_year (calendar_year, source, updated_at, updated_by) VALUES (#{year}, #{source}, #{at}, #{by})")
    void insertYear(int year, String source, Instant at, String by);

    /** Locks the year's row for the replacement: two administrators saving the same year take turns. */
    @Update("UPDATE tb_calendar_year SET source = #{source}, updated_at = #{at}, updated_by = #{by} WHERE calendar_year = #{year}")
    int updateYear(int year, String source, Instant at, String by);

    @Delete("DELETE FROM tb_calendar_year WHERE calendar_year = #{year}")
    int deleteYear(int year);

    @Delete("DELETE FROM tb_calendar_day WHERE calendar_year = #{year}")
    void deleteDays(int year);

    @Insert("INSERT INTO tb_calendar_day (calendar_date, calendar_year, kind, name) VALUES (#{date}, #{year}, #{kind}, #{name})")
    void insertDay(LocalDate date, int year, String kind, String name);
}
