/** Small types every capability shares: problems (errors), localized text, Chinese identifier checks. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.tongban.shared;
