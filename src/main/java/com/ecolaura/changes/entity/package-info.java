/** What the change stream carries (decoded pgoutput messages) and what a committed change makes stale. */
package com.ecolaura.changes.entity;
