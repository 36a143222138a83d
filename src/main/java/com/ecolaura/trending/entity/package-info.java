/** Hourly view counts and the trending list. */
package com.ecolaura.trending.entity;
