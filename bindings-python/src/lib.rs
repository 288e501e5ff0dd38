//! Python bindings of the `mailinfra` core: conversion and error mapping only.
#![forbid(unsafe_code)]
