/** The data source behind the container pool (configured, H2 by default) and the persistence provider that applies run-time settings. */
package com.ecolaura.database.control;
