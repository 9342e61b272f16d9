package org.tongban.timelimits;

/**
 * Procedures whose time 《行政许可法》 第四十五条 excludes from the time limit: 听证, 招标/拍卖, 检验/检测/检疫, 鉴定,
 * 专家评审, and 公示 (public notice before a decision); {@code CORRECTION} (补正) is a pause the case history gives.
 */
public enum SpecialProcedure { HEARING, TENDER_AUCTION, INSPECTION_TESTING, APPRAISAL, EXPERT_REVIEW, PUBLIC_NOTICE, CORRECTION }
