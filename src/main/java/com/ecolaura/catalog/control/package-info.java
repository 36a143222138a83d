/** Products read through the products cache, scored through the sustainability-scores cache, written in transactions whose commit evicts what they made stale. */
package com.ecolaura.catalog.control;
