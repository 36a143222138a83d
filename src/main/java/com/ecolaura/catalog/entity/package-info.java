/** Products, categories and the rating tables (JPA, second-level cached where read often), and the records the API shows and the caches hold. */
package com.ecolaura.catalog.entity;
