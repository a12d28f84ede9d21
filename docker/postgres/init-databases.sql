-- One database per service (DESIGN §1); run once, when the data volume is new.
create database catalog;
create database evaluation;
create database marketplace;
create database notification;
