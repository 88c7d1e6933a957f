/** How the budgets capability reaches the engine's linked data set. */
package org.almoner.platform.budgets.internal;
