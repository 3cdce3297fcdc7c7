/**
 * Small building blocks every feature uses: problem responses, great-circle distance, business-hours arithmetic.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.spareflow.common;
