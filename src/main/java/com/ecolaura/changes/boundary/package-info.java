/** The change stream's health: following or not, how far behind, when it last saw a change. */
package com.ecolaura.changes.boundary;
