/**
 * Where the platform's PostgreSQL comes from: a configured server in production, or a real
 * PostgreSQL unpacked and started by the application when none is configured.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.almoner.platform.database;
