package org.tongban.identity;

/** A government department (部门); its code is the Flowable candidate group of its tasks. */
public record Department(String code, String nameZh, String nameEn) {
}
