/**
 * Notices to staff about a case: urges (催办) to its current holders and copies (抄送) for information. A copy
 * also lets its recipient see the case read-only ({@code cases} asks {@link org.tongban.notices.Notices#copiedTo}).
 * Depends on nothing but {@code shared} and {@code identity}, so both {@code cases} and {@code tasks} may use it.
 */
package org.tongban.notices;
